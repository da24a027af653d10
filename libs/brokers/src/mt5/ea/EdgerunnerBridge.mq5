//+------------------------------------------------------------------+
//| EdgerunnerBridge.mq5                                             |
//| The Edgerunner bridge: dials in to Edgerunner over TCP (MQL5     |
//| sockets only connect out), says hello, then answers requests and |
//| pushes trade transactions and ticks, one JSON object per line.   |
//| The contract is libs/brokers/src/mt5/bridge/PROTOCOL.md.         |
//| Attach it to ONE chart; it drives everything from a timer, so it |
//| keeps working without ticks (weekends) and on any symbol.        |
//+------------------------------------------------------------------+
#property copyright   "Edgerunner"
#property version     "1.00"
#property description "Edgerunner bridge (protocol 1). Allow the Edgerunner host under Tools > Options >"
#property description "Expert Advisors > Allow WebRequest for listed URL, and enable Algo Trading."

input string InpHost    = "127.0.0.1"; // Edgerunner host
input ushort InpPort    = 7788;        // Edgerunner bridge port
input string InpToken   = "";          // Per-account token (from Edgerunner)
input bool   InpUseTls  = false;       // Use TLS
input ulong  InpMagic   = 20261203;    // Magic written on orders that name none
input int    InpTimerMs = 20;          // Timer period, ms

#include "BridgeCommon.mqh"
#include "BridgeJson.mqh"
#include "BridgeJsonReader.mqh"
#include "BridgeSocket.mqh"
#include "BridgeTrade.mqh"
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

//--- incoming messages ----------------------------------------------

void HandleRequest(CJsonDoc &doc)
  {
   string id = "", command = "";
   doc.Str(0, "id", id);
   doc.Str(0, "command", command);
   int p = doc.Find(0, "params");
   CJsonWriter w;
   int outcome = CMD_FAIL;
   g_failCode = 0;
   g_failMessage = "";
   if(p < 0 || doc.Type(p) != JSON_OBJECT)
      outcome = BadParams("params must be an object");
   else
      if(command == "account_info")             outcome = CmdAccountInfo(w);
      else if(command == "positions_get")       outcome = CmdPositionsGet(doc, p, w);
      else if(command == "orders_get")          outcome = CmdOrdersGet(doc, p, w);
      else if(command == "order_send")          outcome = CmdOrderSend(doc, p, w);
      else if(command == "symbol_info")         outcome = CmdSymbolInfo(doc, p, w);
      else if(command == "symbols_get")         outcome = CmdSymbolsGet(w);
      else if(command == "symbol_info_tick")    outcome = CmdSymbolInfoTick(doc, p, w);
      else if(command == "copy_rates_range")    outcome = CmdCopyRates(doc, p, w, true);
      else if(command == "copy_rates_from_pos") outcome = CmdCopyRates(doc, p, w, false);
      else if(command == "history_deals_get")   outcome = CmdHistoryDealsGet(doc, p, w);
      else if(command == "history_orders_get")  outcome = CmdHistoryOrdersGet(doc, p, w);
      else if(command == "subscribe_ticks")     outcome = CmdTicks(doc, p, w, true);
      else if(command == "unsubscribe_ticks")   outcome = CmdTicks(doc, p, w, false);
      else if(command == "run_ea")              outcome = CmdRunEa(doc, p, id);
      else if(command == "stop_ea")             outcome = CmdStopEa(doc, p, w);
      else                                      outcome = Fail(BRIDGE_ERR_BAD_COMMAND, "Unknown command \"" + command + "\"");
   if(outcome == CMD_OK)
      SendResult(id, w.Text());
   else
      if(outcome == CMD_FAIL)
         SendFailure(id, g_failCode, g_failMessage);
   // CMD_LATER: RunEaPoll answers.
  }

// False when the line breaks the protocol (the caller drops the connection).
bool HandleLine(const string line)
  {
   CJsonDoc doc;
   string type = "";
   if(!doc.Parse(line) || !doc.Str(0, "type", type))
      return false;
   g_lastHeard = GetTickCount64();
   if(type == "ping")
     {
      long at = 0;
      if(!doc.Long(0, "at", at))
         return false;
      SendLine("{\"type\":\"pong\",\"at\":" + IntegerToString(at) + "}");
      return true;
     }
   if(g_state == BRIDGE_WAIT_WELCOME)
     {
      if(type == "welcome")
        {
         long protocol = 0;
         string server = "";
         doc.Long(0, "protocol", protocol);
         doc.Str(0, "server", server);
         g_state = BRIDGE_READY;
         g_backoffMs = BRIDGE_BACKOFF_MIN_MS;
         g_lastPing = GetTickCount64();
         PrintFormat("Edgerunner bridge: welcomed by %s (protocol %I64d); account %I64d is connected",
                     server, protocol, AccountInfoInteger(ACCOUNT_LOGIN));
         return true;
        }
      if(type == "refused")
        {
         string reason = "";
         doc.Str(0, "reason", reason);
         PrintFormat("Edgerunner bridge: REFUSED by Edgerunner: %s. Not retrying: fix the token (input InpToken) or the account in Edgerunner, then re-attach the EA or change an input.",
                     reason);
         g_refused = true;
         BridgeDrop("refused");
         return true;
        }
      return false;
     }
   if(type == "request")
     {
      string id = "", command = "";
      if(!doc.Str(0, "id", id) || !doc.Str(0, "command", command))
         return false;
      HandleRequest(doc);
      return true;
     }
   return type == "pong";
  }

//--- event handlers -------------------------------------------------

int OnInit()
  {
   if(StringLen(InpToken) == 0)
     {
      Print("Edgerunner bridge: set InpToken to the account's token from Edgerunner");
      return INIT_PARAMETERS_INCORRECT;
     }
   if(MQLInfoInteger(MQL_TESTER) != 0)
      Print("Edgerunner bridge: sockets do not run in the Strategy Tester; attach the EA to a live chart");
   if(InpPort == 443 && !InpUseTls)
      Print("Edgerunner bridge: the terminal speaks TLS on port 443 by itself; the bridge uses TLS there");
   g_state = BRIDGE_IDLE;
   g_refused = false;
   g_backoffMs = BRIDGE_BACKOFF_MIN_MS;
   g_nextAttempt = 0;
   ArrayResize(g_outbox, 0);
   if(!EventSetMillisecondTimer(MathMax(InpTimerMs, 10)))
     {
      PrintFormat("Edgerunner bridge: cannot start the timer (error %d)", GetLastError());
      return INIT_FAILED;
     }
   BridgeConnect();                    // first hello now; the timer retries with back-off
   return INIT_SUCCEEDED;
  }

void OnDeinit(const int reason)
  {
   EventKillTimer();
   if(g_state != BRIDGE_IDLE)
      PrintFormat("Edgerunner bridge: stopping (deinit reason %d)", reason);
   g_refused = true;                   // no retry scheduling while unloading
   g_state = BRIDGE_IDLE;
   SockClose();
   TicksReset();
   RunEaAbandonAll();
  }

void OnTimer()
  {
   ulong now = GetTickCount64();
   if(g_sock == INVALID_HANDLE)
     {
      if(!g_refused && now >= g_nextAttempt)
         BridgeConnect();
      return;
     }
   if(SockReceive() < 0)
     {
      BridgeDrop("the connection was lost");
      return;
     }
   string line = "";
   int got = 0;
   while((got = SockNextLine(line)) == 1)
     {
      if(!HandleLine(line))
        {
         BridgeDrop("a message that PROTOCOL.md does not describe");
         return;
        }
      if(g_sock == INVALID_HANDLE)     // refused
         return;
     }
   if(got < 0)
     {
      BridgeDrop("a line over 1 MiB");
      return;
     }
   if(g_state == BRIDGE_READY)
     {
      FlushOutbox();
      TicksPump();
      RunEaPoll();
      if(GetTickCount64() - g_lastPing >= BRIDGE_PING_MS)
         SendPing();
     }
   if(g_sockBroken)
     {
      BridgeDrop("a send failed");
      return;
     }
   if(GetTickCount64() - g_lastHeard > BRIDGE_SILENCE_MS)
      BridgeDrop("Edgerunner silent for 15 s");
  }

// Kept short: the line is queued and the timer sends it (events wait while OnTimer runs anyway).
void OnTradeTransaction(const MqlTradeTransaction &trans, const MqlTradeRequest &request, const MqlTradeResult &result)
  {
   if(g_state != BRIDGE_READY || ArraySize(g_outbox) >= BRIDGE_OUTBOX_MAX)
      return;                          // Edgerunner reconciles from history after its next hello
   CJsonWriter w;
   w.ObjBegin();
   w.KStr("type", "event");
   w.KStr("event", "trade_transaction");
   w.Key("data");
   w.ObjBegin();
   w.KStr("type", EnumToString(trans.type));
   w.KStr("deal", UIdText(trans.deal));
   w.KStr("order", UIdText(trans.order));
   w.KStr("symbol", trans.symbol);
   w.KInt("order_type", (long)trans.order_type);
   w.KInt("order_state", (long)trans.order_state);
   w.KInt("deal_type", (long)trans.deal_type);
   w.KStr("price", PriceText(trans.symbol, trans.price));
   w.KStr("volume", VolumeText(trans.symbol, trans.volume));
   w.KStr("position", UIdText(trans.position));
   if(trans.type == TRADE_TRANSACTION_REQUEST)
     {
      w.KInt("request_id", (long)result.request_id);
      w.KInt("retcode", (long)result.retcode);
     }
   w.ObjEnd();
   w.ObjEnd();
   int n = ArraySize(g_outbox);
   ArrayResize(g_outbox, n + 1, 256);
   g_outbox[n] = w.Text();
  }
//+------------------------------------------------------------------+
