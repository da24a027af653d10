//+------------------------------------------------------------------+
//| BridgeTrade.mqh                                                  |
//| account_info, positions_get, orders_get and order_send, with the |
//| MetaTrader5 Python package's field names (PROTOCOL.md,           |
//| "Commands"). The history commands are in BridgeHistory.mqh.      |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_TRADE_MQH
#define EDGERUNNER_BRIDGE_TRADE_MQH

#include "BridgeCommon.mqh"
#include "BridgeJson.mqh"
#include "BridgeJsonReader.mqh"

int CmdAccountInfo(CJsonWriter &w)
  {
   w.ObjBegin();
   w.KStr("login", IdText(AccountInfoInteger(ACCOUNT_LOGIN)));
   w.KInt("trade_mode", AccountInfoInteger(ACCOUNT_TRADE_MODE));
   w.KInt("leverage", AccountInfoInteger(ACCOUNT_LEVERAGE));
   w.KInt("limit_orders", AccountInfoInteger(ACCOUNT_LIMIT_ORDERS));
   w.KInt("margin_mode", AccountInfoInteger(ACCOUNT_MARGIN_MODE));
   w.KInt("currency_digits", AccountInfoInteger(ACCOUNT_CURRENCY_DIGITS));
   w.KBool("trade_allowed", AccountInfoInteger(ACCOUNT_TRADE_ALLOWED) != 0);
   w.KBool("trade_expert", AccountInfoInteger(ACCOUNT_TRADE_EXPERT) != 0);
   w.KStr("balance", MoneyText(AccountInfoDouble(ACCOUNT_BALANCE)));
   w.KStr("credit", MoneyText(AccountInfoDouble(ACCOUNT_CREDIT)));
   w.KStr("profit", MoneyText(AccountInfoDouble(ACCOUNT_PROFIT)));
   w.KStr("equity", MoneyText(AccountInfoDouble(ACCOUNT_EQUITY)));
   w.KStr("margin", MoneyText(AccountInfoDouble(ACCOUNT_MARGIN)));
   w.KStr("margin_free", MoneyText(AccountInfoDouble(ACCOUNT_MARGIN_FREE)));
   // A percentage, written like money; "0" with no margin in use (bridge-commands.ts).
   double level = AccountInfoDouble(ACCOUNT_MARGIN_LEVEL);
   w.KStr("margin_level", (level == 0.0) ? "0" : MoneyText(level));
   w.KStr("name", AccountInfoString(ACCOUNT_NAME));
   w.KStr("server", AccountInfoString(ACCOUNT_SERVER));
   w.KStr("currency", AccountInfoString(ACCOUNT_CURRENCY));
   w.KStr("company", AccountInfoString(ACCOUNT_COMPANY));
   w.ObjEnd();
   return CMD_OK;
  }

// The position selected by PositionGetTicket / PositionSelectByTicket.
void WritePosition(CJsonWriter &w)
  {
   string sym = PositionGetString(POSITION_SYMBOL);
   w.ObjBegin();
   w.KStr("ticket", IdText(PositionGetInteger(POSITION_TICKET)));
   w.KInt("time_msc", PositionGetInteger(POSITION_TIME_MSC));
   w.KInt("time_update_msc", PositionGetInteger(POSITION_TIME_UPDATE_MSC));
   w.KInt("type", PositionGetInteger(POSITION_TYPE));
   w.KStr("magic", IdText(PositionGetInteger(POSITION_MAGIC)));
   w.KStr("identifier", IdText(PositionGetInteger(POSITION_IDENTIFIER)));
   w.KInt("reason", PositionGetInteger(POSITION_REASON));
   w.KStr("volume", VolumeText(sym, PositionGetDouble(POSITION_VOLUME)));
   w.KStr("price_open", PriceText(sym, PositionGetDouble(POSITION_PRICE_OPEN)));
   w.KStr("sl", PriceText(sym, PositionGetDouble(POSITION_SL)));
   w.KStr("tp", PriceText(sym, PositionGetDouble(POSITION_TP)));
   w.KStr("price_current", PriceText(sym, PositionGetDouble(POSITION_PRICE_CURRENT)));
   w.KStr("swap", MoneyText(PositionGetDouble(POSITION_SWAP)));
   w.KStr("profit", MoneyText(PositionGetDouble(POSITION_PROFIT)));
   w.KStr("symbol", sym);
   w.KStr("comment", PositionGetString(POSITION_COMMENT));
   w.ObjEnd();
  }

int CmdPositionsGet(CJsonDoc &doc, const int p, CJsonWriter &w)
  {
   long ticket = 0;
   string sym = "";
   if(!doc.OptLong(p, "ticket", ticket) || !doc.OptStr(p, "symbol", sym))
      return BadParams("positions_get takes {symbol?} or {ticket}");
   w.ArrBegin();
   if(doc.Has(p, "ticket"))
     {
      // A ticket that is not open is an empty list, as in the MetaTrader5 package (not an error).
      if(ticket > 0 && PositionSelectByTicket((ulong)ticket))
         WritePosition(w);
     }
   else
     {
      int total = PositionsTotal();
      for(int i = 0; i < total; i++)
        {
         if(PositionGetTicket(i) == 0)          // also selects the position
            continue;
         if(sym != "" && PositionGetString(POSITION_SYMBOL) != sym)
            continue;
         WritePosition(w);
        }
     }
   w.ArrEnd();
   return CMD_OK;
  }

// Live orders are read from the selected order, history orders by ticket from the selected history.
long OrderInt(const bool history, const ulong ticket, const ENUM_ORDER_PROPERTY_INTEGER prop)
  {
   return history ? HistoryOrderGetInteger(ticket, prop) : OrderGetInteger(prop);
  }

double OrderDbl(const bool history, const ulong ticket, const ENUM_ORDER_PROPERTY_DOUBLE prop)
  {
   return history ? HistoryOrderGetDouble(ticket, prop) : OrderGetDouble(prop);
  }

string OrderStr(const bool history, const ulong ticket, const ENUM_ORDER_PROPERTY_STRING prop)
  {
   return history ? HistoryOrderGetString(ticket, prop) : OrderGetString(prop);
  }

void WriteOrder(CJsonWriter &w, const bool history, const ulong ticket)
  {
   string sym = OrderStr(history, ticket, ORDER_SYMBOL);
   w.ObjBegin();
   w.KStr("ticket", UIdText(ticket));
   w.KInt("time_setup_msc", OrderInt(history, ticket, ORDER_TIME_SETUP_MSC));
   w.KInt("time_done_msc", OrderInt(history, ticket, ORDER_TIME_DONE_MSC));
   w.KInt("time_expiration", OrderInt(history, ticket, ORDER_TIME_EXPIRATION));
   w.KInt("type", OrderInt(history, ticket, ORDER_TYPE));
   w.KInt("type_time", OrderInt(history, ticket, ORDER_TYPE_TIME));
   w.KInt("type_filling", OrderInt(history, ticket, ORDER_TYPE_FILLING));
   w.KInt("state", OrderInt(history, ticket, ORDER_STATE));
   w.KStr("magic", IdText(OrderInt(history, ticket, ORDER_MAGIC)));
   w.KStr("position_id", IdText(OrderInt(history, ticket, ORDER_POSITION_ID)));
   w.KInt("reason", OrderInt(history, ticket, ORDER_REASON));
   w.KStr("volume_initial", VolumeText(sym, OrderDbl(history, ticket, ORDER_VOLUME_INITIAL)));
   w.KStr("volume_current", VolumeText(sym, OrderDbl(history, ticket, ORDER_VOLUME_CURRENT)));
   w.KStr("price_open", PriceText(sym, OrderDbl(history, ticket, ORDER_PRICE_OPEN)));
   w.KStr("sl", PriceText(sym, OrderDbl(history, ticket, ORDER_SL)));
   w.KStr("tp", PriceText(sym, OrderDbl(history, ticket, ORDER_TP)));
   w.KStr("price_current", PriceText(sym, OrderDbl(history, ticket, ORDER_PRICE_CURRENT)));
   w.KStr("price_stoplimit", PriceText(sym, OrderDbl(history, ticket, ORDER_PRICE_STOPLIMIT)));
   w.KStr("symbol", sym);
   w.KStr("comment", OrderStr(history, ticket, ORDER_COMMENT));
   w.ObjEnd();
  }

int CmdOrdersGet(CJsonDoc &doc, const int p, CJsonWriter &w)
  {
   long ticket = 0;
   string sym = "";
   if(!doc.OptLong(p, "ticket", ticket) || !doc.OptStr(p, "symbol", sym))
      return BadParams("orders_get takes {symbol?} or {ticket}");
   w.ArrBegin();
   if(doc.Has(p, "ticket"))
     {
      if(ticket > 0 && OrderSelect((ulong)ticket))   // not pending (any more): an empty list
         WriteOrder(w, false, (ulong)ticket);
     }
   else
     {
      int total = OrdersTotal();
      for(int i = 0; i < total; i++)
        {
         ulong t = OrderGetTicket(i);           // also selects the order
         if(t == 0)
            continue;
         if(sym != "" && OrderGetString(ORDER_SYMBOL) != sym)
            continue;
         WriteOrder(w, false, t);
        }
     }
   w.ArrEnd();
   return CMD_OK;
  }

// A trade request the server refuses is still ok:true with its retcode; ok:false only when OrderSend
// did not get as far as a retcode (its basic checks failed before anything was sent).
int CmdOrderSend(CJsonDoc &doc, const int p, CJsonWriter &w)
  {
   long action = 0, magic = (long)InpMagic, order = 0, deviation = 0, type = 0, filling = 0, typeTime = 0;
   long expiration = 0, position = 0, positionBy = 0;
   double volume = 0.0, price = 0.0, stoplimit = 0.0, sl = 0.0, tp = 0.0;
   string sym = "", comment = "";
   if(!doc.Long(p, "action", action) || !doc.OptLong(p, "magic", magic) || !doc.OptLong(p, "order", order) ||
      !doc.OptStr(p, "symbol", sym) || !doc.OptDbl(p, "volume", volume) || !doc.OptDbl(p, "price", price) ||
      !doc.OptDbl(p, "stoplimit", stoplimit) || !doc.OptDbl(p, "sl", sl) || !doc.OptDbl(p, "tp", tp) ||
      !doc.OptLong(p, "deviation", deviation) || !doc.OptLong(p, "type", type) ||
      !doc.OptLong(p, "type_filling", filling) || !doc.OptLong(p, "type_time", typeTime) ||
      !doc.OptLong(p, "expiration", expiration) || !doc.OptStr(p, "comment", comment) ||
      !doc.OptLong(p, "position", position) || !doc.OptLong(p, "position_by", positionBy))
      return BadParams("order_send takes a TradeRequest");

   MqlTradeRequest req;
   MqlTradeResult res;
   ZeroMemory(req);
   ZeroMemory(res);
   req.action = (ENUM_TRADE_REQUEST_ACTIONS)action;
   req.magic = (ulong)magic;           // the request's magic, else the bridge's InpMagic
   req.order = (ulong)order;
   req.symbol = sym;
   req.volume = volume;
   req.price = price;
   req.stoplimit = stoplimit;
   req.sl = sl;
   req.tp = tp;
   req.deviation = (ulong)deviation;
   req.type = (ENUM_ORDER_TYPE)type;
   req.type_filling = (ENUM_ORDER_TYPE_FILLING)filling;
   req.type_time = (ENUM_ORDER_TYPE_TIME)typeTime;
   req.expiration = (datetime)expiration;
   req.comment = comment;
   req.position = (ulong)position;
   req.position_by = (ulong)positionBy;

   ResetLastError();
   bool sent = OrderSend(req, res);
   if(!sent && res.retcode == 0)
      return FailLast(BRIDGE_ERR_TRADE_SEND_FAILED, "OrderSend");

   // Modify/remove requests may carry no symbol; take it from the order or position for the formats.
   if(sym == "" && position > 0 && PositionSelectByTicket((ulong)position))
      sym = PositionGetString(POSITION_SYMBOL);
   if(sym == "" && order > 0 && OrderSelect((ulong)order))
      sym = OrderGetString(ORDER_SYMBOL);
   w.ObjBegin();
   w.KInt("retcode", (long)res.retcode);
   w.KStr("deal", UIdText(res.deal));
   w.KStr("order", UIdText(res.order));
   w.KStr("volume", VolumeText(sym, res.volume));
   w.KStr("price", PriceText(sym, res.price));
   w.KStr("bid", PriceText(sym, res.bid));
   w.KStr("ask", PriceText(sym, res.ask));
   w.KStr("comment", res.comment);
   w.KInt("request_id", (long)res.request_id);
   w.KInt("retcode_external", (long)res.retcode_external);
   w.ObjEnd();
   return CMD_OK;
  }

#endif
