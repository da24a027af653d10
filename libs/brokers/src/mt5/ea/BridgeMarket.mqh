//+------------------------------------------------------------------+
//| BridgeMarket.mqh                                                 |
//| symbol_info, symbols_get, symbol_info_tick, copy_rates_range,    |
//| copy_rates_from_pos, subscribe_ticks / unsubscribe_ticks and the |
//| tick events the timer sends for subscribed symbols.              |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_MARKET_MQH
#define EDGERUNNER_BRIDGE_MARKET_MQH

#include "BridgeCommon.mqh"
#include "BridgeJson.mqh"
#include "BridgeJsonReader.mqh"
#include "BridgeSocket.mqh"

string g_tickSymbols[];   // subscribed symbols (this connection only)
long   g_tickLastMsc[];   // time_msc of the last tick sent for each

void WriteSymbolInfo(CJsonWriter &w, const string sym)
  {
   int digits = PriceDigits(sym);
   int volDigits = VolumeDigits(sym);
   double tickSize = SymbolInfoDouble(sym, SYMBOL_TRADE_TICK_SIZE);
   double contract = SymbolInfoDouble(sym, SYMBOL_TRADE_CONTRACT_SIZE);
   w.ObjBegin();
   w.KStr("name", sym);
   w.KStr("description", SymbolInfoString(sym, SYMBOL_DESCRIPTION));
   w.KStr("path", SymbolInfoString(sym, SYMBOL_PATH));
   w.KStr("currency_base", SymbolInfoString(sym, SYMBOL_CURRENCY_BASE));
   w.KStr("currency_profit", SymbolInfoString(sym, SYMBOL_CURRENCY_PROFIT));
   w.KStr("currency_margin", SymbolInfoString(sym, SYMBOL_CURRENCY_MARGIN));
   w.KInt("digits", digits);
   w.KStr("point", DoubleToString(SymbolInfoDouble(sym, SYMBOL_POINT), digits));
   // A tick size may be coarser than the point (0.25 on a 2-digit future) or, rarely, finer.
   w.KStr("trade_tick_size", DoubleToString(tickSize, MathMax(digits, DecimalsOf(tickSize))));
   w.KStr("trade_contract_size", DoubleToString(contract, DecimalsOf(contract)));
   w.KStr("volume_min", DoubleToString(SymbolInfoDouble(sym, SYMBOL_VOLUME_MIN), volDigits));
   w.KStr("volume_max", DoubleToString(SymbolInfoDouble(sym, SYMBOL_VOLUME_MAX), volDigits));
   w.KStr("volume_step", DoubleToString(SymbolInfoDouble(sym, SYMBOL_VOLUME_STEP), volDigits));
   w.KInt("trade_stops_level", SymbolInfoInteger(sym, SYMBOL_TRADE_STOPS_LEVEL));
   w.KInt("trade_freeze_level", SymbolInfoInteger(sym, SYMBOL_TRADE_FREEZE_LEVEL));
   w.KInt("trade_mode", SymbolInfoInteger(sym, SYMBOL_TRADE_MODE));
   w.KInt("trade_exemode", SymbolInfoInteger(sym, SYMBOL_TRADE_EXEMODE));
   w.KInt("filling_mode", SymbolInfoInteger(sym, SYMBOL_FILLING_MODE));
   w.KInt("order_mode", SymbolInfoInteger(sym, SYMBOL_ORDER_MODE));
   w.KInt("expiration_mode", SymbolInfoInteger(sym, SYMBOL_EXPIRATION_MODE));
   w.KStr("bid", DoubleToString(SymbolInfoDouble(sym, SYMBOL_BID), digits));
   w.KStr("ask", DoubleToString(SymbolInfoDouble(sym, SYMBOL_ASK), digits));
   w.KInt("time", SymbolInfoInteger(sym, SYMBOL_TIME));
   w.ObjEnd();
  }

int CmdSymbolInfo(CJsonDoc &doc, const int p, CJsonWriter &w)
  {
   string sym = "";
   if(!doc.Str(p, "symbol", sym))
      return BadParams("symbol_info takes {symbol}");
   if(!SymbolKnown(sym))
      return Fail(BRIDGE_ERR_UNKNOWN_SYMBOL);
   WriteSymbolInfo(w, sym);
   return CMD_OK;
  }

// The symbols in Market Watch (selected = true), as the terminal lists them.
int CmdSymbolsGet(CJsonWriter &w)
  {
   w.ArrBegin();
   int total = SymbolsTotal(true);
   for(int i = 0; i < total; i++)
     {
      string sym = SymbolName(i, true);
      if(sym != "")
         WriteSymbolInfo(w, sym);
     }
   w.ArrEnd();
   return CMD_OK;
  }

// Tick fields; `withSymbol` for a tick event's data. volume: the real volume when the symbol has one,
// else the integer tick volume (0 on most forex symbols).
void WriteTick(CJsonWriter &w, const string sym, const MqlTick &tick, const bool withSymbol)
  {
   int digits = PriceDigits(sym);
   w.ObjBegin();
   if(withSymbol)
      w.KStr("symbol", sym);
   w.KInt("time", (long)tick.time);
   w.KInt("time_msc", tick.time_msc);
   w.KStr("bid", DoubleToString(tick.bid, digits));
   w.KStr("ask", DoubleToString(tick.ask, digits));
   w.KStr("last", (tick.last == 0.0) ? "0" : DoubleToString(tick.last, digits));
   w.KStr("volume", (tick.volume_real > 0.0) ? VolumeText(sym, tick.volume_real) : IntegerToString((long)tick.volume));
   w.ObjEnd();
  }

int CmdSymbolInfoTick(CJsonDoc &doc, const int p, CJsonWriter &w)
  {
   string sym = "";
   if(!doc.Str(p, "symbol", sym))
      return BadParams("symbol_info_tick takes {symbol}");
   if(!SymbolKnown(sym))
      return Fail(BRIDGE_ERR_UNKNOWN_SYMBOL);
   MqlTick tick;
   ZeroMemory(tick);
   ResetLastError();
   if(!SymbolInfoTick(sym, tick))
      return FailLast(BRIDGE_ERR_UNKNOWN_SYMBOL, "SymbolInfoTick");
   WriteTick(w, sym, tick, false);
   return CMD_OK;
  }

void WriteRates(CJsonWriter &w, const string sym, const MqlRates &rates[], const int count)
  {
   int digits = PriceDigits(sym);
   w.ArrBegin();
   for(int i = 0; i < count; i++)     // CopyRates fills oldest first
     {
      w.ObjBegin();
      w.KInt("time", (long)rates[i].time);
      w.KStr("open", DoubleToString(rates[i].open, digits));
      w.KStr("high", DoubleToString(rates[i].high, digits));
      w.KStr("low", DoubleToString(rates[i].low, digits));
      w.KStr("close", DoubleToString(rates[i].close, digits));
      w.KInt("tick_volume", rates[i].tick_volume);
      w.KInt("spread", rates[i].spread);
      w.KInt("real_volume", rates[i].real_volume);
      w.ObjEnd();
     }
   w.ArrEnd();
  }

// copy_rates_range ({date_from, date_to}, server time) or copy_rates_from_pos ({start_pos, count}).
int CmdCopyRates(CJsonDoc &doc, const int p, CJsonWriter &w, const bool byRange)
  {
   string sym = "";
   long tf = 0, a = 0, b = 0;
   bool ok = doc.Str(p, "symbol", sym) && doc.Long(p, "timeframe", tf);
   if(byRange)
      ok = ok && doc.Long(p, "date_from", a) && doc.Long(p, "date_to", b) && a >= 0 && b >= a;
   else
      ok = ok && doc.Long(p, "start_pos", a) && doc.Long(p, "count", b) && a >= 0 && b >= 0 && a <= INT_MAX && b <= INT_MAX;
   if(!ok)
      return BadParams(byRange ? "copy_rates_range takes {symbol, timeframe, date_from, date_to}"
                       : "copy_rates_from_pos takes {symbol, timeframe, start_pos, count}");
   if(!SymbolKnown(sym))
      return Fail(BRIDGE_ERR_UNKNOWN_SYMBOL);
   SymbolSelect(sym, true);            // series of a symbol outside Market Watch fail with 4302
   MqlRates rates[];
   ResetLastError();
   int n = byRange ? CopyRates(sym, (ENUM_TIMEFRAMES)tf, (datetime)a, (datetime)b, rates)
           : CopyRates(sym, (ENUM_TIMEFRAMES)tf, (int)a, (int)b, rates);
   if(n < 0)
      return FailLast(BRIDGE_ERR_HISTORY_NOT_FOUND, "CopyRates");
   WriteRates(w, sym, rates, n);
   return CMD_OK;
  }

int TickIndex(const string sym)
  {
   int n = ArraySize(g_tickSymbols);
   for(int i = 0; i < n; i++)
      if(g_tickSymbols[i] == sym)
         return i;
   return -1;
  }

// subscribe_ticks / unsubscribe_ticks: {symbols:[..]} -> {symbols:[every symbol now subscribed]}.
// An unknown symbol fails the whole subscribe, so nothing is half-applied.
int CmdTicks(CJsonDoc &doc, const int p, CJsonWriter &w, const bool subscribe)
  {
   int list = doc.Find(p, "symbols");
   if(list < 0 || doc.Type(list) != JSON_ARRAY)
      return BadParams("takes {symbols: [..]}");
   int c = -1;
   for(c = doc.NextChild(list, -1); c >= 0; c = doc.NextChild(list, c))
     {
      if(doc.Type(c) != JSON_STRING)
         return BadParams("symbols must be strings");
      if(subscribe && !SymbolKnown(doc.Value(c)))
         return Fail(BRIDGE_ERR_UNKNOWN_SYMBOL, "Unknown symbol " + doc.Value(c));
     }
   for(c = doc.NextChild(list, -1); c >= 0; c = doc.NextChild(list, c))
     {
      string sym = doc.Value(c);
      int at = TickIndex(sym);
      if(subscribe && at < 0)
        {
         SymbolSelect(sym, true);      // the terminal streams quotes only for Market Watch symbols
         int n = ArraySize(g_tickSymbols);
         ArrayResize(g_tickSymbols, n + 1);
         ArrayResize(g_tickLastMsc, n + 1);
         g_tickSymbols[n] = sym;
         g_tickLastMsc[n] = 0;         // the current quote goes out on the next timer tick
        }
      if(!subscribe && at >= 0)
        {
         ArrayRemove(g_tickSymbols, at, 1);
         ArrayRemove(g_tickLastMsc, at, 1);
        }
     }
   w.ObjBegin();
   w.Key("symbols");
   w.ArrBegin();
   for(int i = 0; i < ArraySize(g_tickSymbols); i++)
      w.Str(g_tickSymbols[i]);
   w.ArrEnd();
   w.ObjEnd();
   return CMD_OK;
  }

// On each timer tick: a tick event for each subscribed symbol whose last quote changed.
void TicksPump()
  {
   int n = ArraySize(g_tickSymbols);
   for(int i = 0; i < n; i++)
     {
      MqlTick tick;
      if(!SymbolInfoTick(g_tickSymbols[i], tick) || tick.time_msc == g_tickLastMsc[i])
         continue;
      g_tickLastMsc[i] = tick.time_msc;
      CJsonWriter w;
      w.ObjBegin();
      w.KStr("type", "event");
      w.KStr("event", "tick");
      w.Key("data");
      WriteTick(w, g_tickSymbols[i], tick, true);
      w.ObjEnd();
      SendLine(w.Text());
     }
  }

// Subscriptions belong to one connection: after a reconnect Edgerunner subscribes again.
void TicksReset()
  {
   ArrayResize(g_tickSymbols, 0);
   ArrayResize(g_tickLastMsc, 0);
  }

#endif
