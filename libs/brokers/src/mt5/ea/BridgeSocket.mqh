//+------------------------------------------------------------------+
//| BridgeSocket.mqh                                                 |
//| One outgoing TCP (optionally TLS) connection: connect, read what |
//| has arrived without blocking, cut it into lines on the byte 0x0A |
//| and decode each whole line as UTF-8, and write lines.            |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_SOCKET_MQH
#define EDGERUNNER_BRIDGE_SOCKET_MQH

#include "BridgeJson.mqh"

#define BRIDGE_MAX_LINE_BYTES  1048576  // PROTOCOL.md: a longer line drops the connection (newline not counted)
#define BRIDGE_READ_CHUNK      65536
#define BRIDGE_READ_BUDGET     262144   // bytes read per timer tick at most, so one tick stays short
#define BRIDGE_READ_TIMEOUT_MS 10       // never 0: SocketRead(…, 0) waits the default 120 s
#define BRIDGE_SEND_TIMEOUT_MS 5000     // a peer that stops reading may block a send this long, not forever
#define BRIDGE_RECV_TIMEOUT_MS 3000     // bounds the TLS handshake's reads

int    g_sock       = INVALID_HANDLE;
bool   g_sockTls    = false;    // read/write through the SocketTls* functions
bool   g_sockBroken = false;    // a send failed; the timer drops the connection
uchar  g_rx[];                  // bytes received and not yet consumed as lines
int    g_rxLen      = 0;        // bytes used in g_rx
int    g_rxStart    = 0;        // start of the first unconsumed line
int    g_rxScan     = 0;        // where the search for the next 0x0A resumes

// Connects; on failure `error` is GetLastError() of the call that failed and nothing stays open.
bool SockOpen(const string host, const ushort port, const bool useTls, const uint connectTimeoutMs, int &error)
  {
   error = 0;
   ResetLastError();
   int s = SocketCreate();
   if(s == INVALID_HANDLE)
     {
      error = GetLastError();
      return false;
     }
   // Sockets block, and without this their send/receive timeouts are infinite.
   SocketTimeouts(s, BRIDGE_SEND_TIMEOUT_MS, BRIDGE_RECV_TIMEOUT_MS);
   ResetLastError();
   if(!SocketConnect(s, host, port, connectTimeoutMs))
     {
      error = GetLastError();
      SocketClose(s);
      return false;
     }
   // The terminal speaks TLS on port 443 by itself (no handshake call); elsewhere TLS needs the handshake.
   bool tls = useTls || port == 443;
   if(useTls && port != 443)
     {
      ResetLastError();
      if(!SocketTlsHandshake(s, host))
        {
         error = GetLastError();
         SocketClose(s);
         return false;
        }
     }
   g_sock = s;
   g_sockTls = tls;
   g_sockBroken = false;
   ArrayResize(g_rx, 0, BRIDGE_READ_CHUNK);
   g_rxLen = 0;
   g_rxStart = 0;
   g_rxScan = 0;
   return true;
  }

void SockClose()
  {
   if(g_sock != INVALID_HANDLE)
      SocketClose(g_sock);
   g_sock = INVALID_HANDLE;
   g_sockTls = false;
   g_sockBroken = false;
   ArrayResize(g_rx, 0);
   g_rxLen = 0;
   g_rxStart = 0;
   g_rxScan = 0;
  }

// Moves what has arrived into g_rx without waiting for more. Returns the bytes read, or -1 when the
// connection is gone. Plain TCP reads only after SocketIsReadable > 0 and with a short timeout, since
// SocketIsReadable may speculatively say 1 on an empty buffer. TLS uses SocketTlsReadAvailable, which
// returns what is decrypted now (0 is normal) instead of waiting like SocketTlsRead.
int SockReceive()
  {
   if(g_sock == INVALID_HANDLE)
      return -1;
   int total = 0;
   while(total < BRIDGE_READ_BUDGET)
     {
      uchar chunk[];                   // fresh each time: the read appends to a dynamic array
      int n = 0;
      if(g_sockTls)
        {
         ResetLastError();
         n = SocketTlsReadAvailable(g_sock, chunk, BRIDGE_READ_CHUNK);
         if(n < 0)
            return -1;
        }
      else
        {
         uint readable = SocketIsReadable(g_sock);
         if(readable == 0)
            n = 0;
         else
           {
            ResetLastError();
            n = SocketRead(g_sock, chunk, (uint)MathMin(readable, (uint)BRIDGE_READ_CHUNK), BRIDGE_READ_TIMEOUT_MS);
           }
        }
      if(n <= 0)
        {
         // No data (or a speculative "readable" that timed out): only a lost connection is an error.
         if(!SocketIsConnected(g_sock))
            return -1;
         break;
        }
      ArrayResize(g_rx, g_rxLen + n, BRIDGE_READ_CHUNK);
      ArrayCopy(g_rx, chunk, g_rxLen, 0, n);
      g_rxLen += n;
      total += n;
     }
   return total;
  }

// Drops the consumed lines from the front of the buffer.
void SockCompact()
  {
   if(g_rxStart <= 0)
      return;
   if(g_rxStart >= g_rxLen)
      ArrayResize(g_rx, 0, BRIDGE_READ_CHUNK);
   else
      ArrayRemove(g_rx, 0, g_rxStart);
   g_rxLen -= g_rxStart;
   g_rxScan -= g_rxStart;
   g_rxStart = 0;
  }

// The next whole line (without its \n, or a \r before it): 1 = `line` set, 0 = none complete yet,
// -1 = a line over 1 MiB (the caller drops the connection). Bytes are split before decoding, so a
// multibyte UTF-8 character (which never contains 0x0A) is never cut in two.
int SockNextLine(string &line)
  {
   while(g_rxScan < g_rxLen)
     {
      if(g_rx[g_rxScan] != 0x0A)
        {
         g_rxScan++;
         continue;
        }
      int start = g_rxStart;
      int len = g_rxScan - start;
      if(len > 0 && g_rx[g_rxScan - 1] == 0x0D)
         len--;
      g_rxScan++;
      g_rxStart = g_rxScan;
      if(len > BRIDGE_MAX_LINE_BYTES)
         return -1;
      if(len == 0)
         continue;                     // an empty line carries nothing
      line = CharArrayToString(g_rx, start, len, CP_UTF8);
      return 1;
     }
   if(g_rxLen - g_rxStart > BRIDGE_MAX_LINE_BYTES)
      return -1;
   SockCompact();
   return 0;
  }

// Writes one line plus "\n". 1 = sent, 0 = the connection broke (g_sockBroken is set),
// -1 = not sent because it would exceed the 1 MiB line limit.
int SockSendLine(const string line)
  {
   if(g_sock == INVALID_HANDLE || g_sockBroken)
      return 0;
   uchar bytes[];
   // CP_UTF8, and minus the terminating 0 StringToCharArray copies.
   int n = StringToCharArray(line + "\n", bytes, 0, WHOLE_ARRAY, CP_UTF8) - 1;
   if(n <= 0)
      return 1;
   if(n - 1 > BRIDGE_MAX_LINE_BYTES)
      return -1;
   while(n > 0)
     {
      ResetLastError();
      int sent = g_sockTls ? SocketTlsSend(g_sock, bytes, n) : SocketSend(g_sock, bytes, n);
      if(sent <= 0)
        {
         g_sockBroken = true;
         return 0;
        }
      if(sent >= n)
         break;
      ArrayRemove(bytes, 0, sent);     // a short write: send the rest
      n -= sent;
     }
   return 1;
  }

// Sends a line the peer must get; a line over the limit is a bug in the caller, so it is dropped loudly.
void SendLine(const string line)
  {
   if(SockSendLine(line) < 0)
      Print("Edgerunner bridge: a message over 1 MiB was not sent");
  }

void SendResult(const string id, const string resultJson)
  {
   string line = "{\"type\":\"response\",\"id\":" + JsonEscape(id) + ",\"ok\":true,\"result\":" + resultJson + "}";
   int sent = SockSendLine(line);
   if(sent < 0)
      SendLine("{\"type\":\"response\",\"id\":" + JsonEscape(id) +
               ",\"ok\":false,\"error\":{\"code\":4003,\"message\":\"The result exceeds the 1 MiB line limit; ask for a smaller range\"}}");
  }

void SendFailure(const string id, const int code, const string message)
  {
   SendLine("{\"type\":\"response\",\"id\":" + JsonEscape(id) + ",\"ok\":false,\"error\":{\"code\":" +
            IntegerToString(code) + ",\"message\":" + JsonEscape(message) + "}}");
  }

#endif
