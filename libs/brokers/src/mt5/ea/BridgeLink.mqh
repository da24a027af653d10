//+------------------------------------------------------------------+
//| BridgeLink.mqh                                                   |
//| The connection to Edgerunner: its state, the hello, connecting   |
//| with back-off, dropping, heartbeats and the queue of event lines.|
//| Uses the inputs (InpHost, InpPort, InpToken, InpUseTls) that     |
//| EdgerunnerBridge.mq5 declares before its includes.               |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_LINK_MQH
#define EDGERUNNER_BRIDGE_LINK_MQH

#include "BridgeCommon.mqh"
#include "BridgeJson.mqh"
#include "BridgeSocket.mqh"
#include "BridgeMarket.mqh"
#include "BridgeRunEa.mqh"

#define BRIDGE_PROTOCOL        1
#define BRIDGE_CONNECT_MS      2000    // SocketConnect blocks this long at most
#define BRIDGE_PING_MS         5000    // heartbeat interval
#define BRIDGE_SILENCE_MS      15000   // three missed heartbeats
#define BRIDGE_BACKOFF_MIN_MS  1000
#define BRIDGE_BACKOFF_MAX_MS  30000
#define BRIDGE_OUTBOX_MAX      4096    // queued events kept while one timer tick runs

enum ENUM_BRIDGE_STATE
  {
   BRIDGE_IDLE,           // no socket
   BRIDGE_WAIT_WELCOME,   // hello sent
   BRIDGE_READY           // welcomed
  };

ENUM_BRIDGE_STATE g_state = BRIDGE_IDLE;
bool   g_refused     = false;          // refused: no more attempts until the EA is re-initialised
uint   g_backoffMs   = BRIDGE_BACKOFF_MIN_MS;
ulong  g_nextAttempt = 0;
ulong  g_lastHeard   = 0;
ulong  g_lastPing    = 0;
string g_outbox[];                     // event lines queued by OnTradeTransaction

//--- hello ----------------------------------------------------------

string MarginModeName()
  {
   long mode = AccountInfoInteger(ACCOUNT_MARGIN_MODE);
   if(mode == ACCOUNT_MARGIN_MODE_RETAIL_HEDGING)
      return "hedging";
   if(mode == ACCOUNT_MARGIN_MODE_EXCHANGE)
      return "exchange";
   return "netting";
  }

// How far the broker's clock runs ahead of UTC, rounded to 30 min (TimeTradeServer is itself rounded
// and TimeGMT comes from the PC clock, so the raw difference jitters by seconds).
long ServerOffsetSeconds()
  {
   long diff = (long)TimeTradeServer() - (long)TimeGMT();
   return (long)MathRound(diff / 1800.0) * 1800;
  }

string HelloLine()
  {
   bool tradeAllowed = TerminalInfoInteger(TERMINAL_TRADE_ALLOWED) != 0 &&
                       MQLInfoInteger(MQL_TRADE_ALLOWED) != 0 &&
                       AccountInfoInteger(ACCOUNT_TRADE_ALLOWED) != 0 &&
                       AccountInfoInteger(ACCOUNT_TRADE_EXPERT) != 0;
   CJsonWriter w;
   w.ObjBegin();
   w.KStr("type", "hello");
   w.KInt("protocol", BRIDGE_PROTOCOL);
   w.KStr("token", InpToken);          // sent, never printed
   w.KInt("build", TerminalInfoInteger(TERMINAL_BUILD));
   w.KStr("login", IdText(AccountInfoInteger(ACCOUNT_LOGIN)));
   w.KStr("server", AccountInfoString(ACCOUNT_SERVER));
   w.KStr("company", AccountInfoString(ACCOUNT_COMPANY));
   w.KStr("currency", AccountInfoString(ACCOUNT_CURRENCY));
   w.KStr("marginMode", MarginModeName());
   w.KBool("tradeAllowed", tradeAllowed);
   w.KInt("serverOffsetSeconds", ServerOffsetSeconds());
   w.ObjEnd();
   return w.Text();
  }

//--- connection -----------------------------------------------------

void ScheduleRetry()
  {
   g_nextAttempt = GetTickCount64() + g_backoffMs;
   g_backoffMs = (uint)MathMin(g_backoffMs * 2, (uint)BRIDGE_BACKOFF_MAX_MS);
  }

// Closes the connection and forgets everything tied to it; retries later unless refused.
void BridgeDrop(const string reason)
  {
   if(g_state != BRIDGE_IDLE)
      PrintFormat("Edgerunner bridge: disconnected (%s)", reason);
   SockClose();
   g_state = BRIDGE_IDLE;
   ArrayResize(g_outbox, 0);
   TicksReset();
   RunEaAbandonAll();
   if(!g_refused)
      ScheduleRetry();
  }

void BridgeConnect()
  {
   if(AccountInfoInteger(ACCOUNT_LOGIN) == 0)
     {
      // Not logged in to a trade server yet (terminal starting): nothing to say hello for. Look again
      // in a second without growing the back-off, which is for a refused or unreachable Edgerunner.
      g_nextAttempt = GetTickCount64() + BRIDGE_BACKOFF_MIN_MS;
      return;
     }
   int err = 0;
   if(!SockOpen(InpHost, InpPort, InpUseTls, BRIDGE_CONNECT_MS, err))
     {
      PrintFormat("Edgerunner bridge: cannot connect to %s:%d (error %d); retrying in %d s. Is %s in Tools > Options > Expert Advisors > Allow WebRequest for listed URL?",
                  InpHost, (int)InpPort, err, (int)(g_backoffMs / 1000), InpHost);
      ScheduleRetry();
      return;
     }
   g_state = BRIDGE_WAIT_WELCOME;
   g_lastHeard = GetTickCount64();
   if(SockSendLine(HelloLine()) != 1)
     {
      BridgeDrop("hello could not be sent");
      return;
     }
   PrintFormat("Edgerunner bridge: connected to %s:%d%s, hello sent for account %I64d",
               InpHost, (int)InpPort, g_sockTls ? " (TLS)" : "", AccountInfoInteger(ACCOUNT_LOGIN));
  }

void SendPing()
  {
   g_lastPing = GetTickCount64();
   SendLine("{\"type\":\"ping\",\"at\":" + IntegerToString((long)TimeGMT() * 1000) + "}");
  }

void FlushOutbox()
  {
   int n = ArraySize(g_outbox);
   for(int i = 0; i < n && !g_sockBroken; i++)
      SendLine(g_outbox[i]);
   ArrayResize(g_outbox, 0);
  }

#endif
