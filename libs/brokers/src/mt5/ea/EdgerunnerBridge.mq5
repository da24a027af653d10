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
#include "BridgeHistory.mqh"
#include "BridgeMarket.mqh"
#include "BridgeRunEa.mqh"
#include "BridgeLink.mqh"

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
