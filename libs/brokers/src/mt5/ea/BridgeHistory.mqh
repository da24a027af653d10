//+------------------------------------------------------------------+
//| BridgeHistory.mqh                                                |
//| history_deals_get and history_orders_get, with the MetaTrader5   |
//| Python package's field names (PROTOCOL.md, "Commands"). Orders   |
//| are written by WriteOrder from BridgeTrade.mqh.                  |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_HISTORY_MQH
#define EDGERUNNER_BRIDGE_HISTORY_MQH

#include "BridgeCommon.mqh"
#include "BridgeJson.mqh"
#include "BridgeJsonReader.mqh"
#include "BridgeTrade.mqh"

void WriteDeal(CJsonWriter &w, const ulong ticket)
  {
   string sym = HistoryDealGetString(ticket, DEAL_SYMBOL);
   w.ObjBegin();
   w.KStr("ticket", UIdText(ticket));
   w.KStr("order", IdText(HistoryDealGetInteger(ticket, DEAL_ORDER)));
   w.KInt("time_msc", HistoryDealGetInteger(ticket, DEAL_TIME_MSC));
   w.KInt("type", HistoryDealGetInteger(ticket, DEAL_TYPE));
   w.KInt("entry", HistoryDealGetInteger(ticket, DEAL_ENTRY));
   w.KStr("magic", IdText(HistoryDealGetInteger(ticket, DEAL_MAGIC)));
   w.KStr("position_id", IdText(HistoryDealGetInteger(ticket, DEAL_POSITION_ID)));
   w.KInt("reason", HistoryDealGetInteger(ticket, DEAL_REASON));
   w.KStr("volume", VolumeText(sym, HistoryDealGetDouble(ticket, DEAL_VOLUME)));
   w.KStr("price", PriceText(sym, HistoryDealGetDouble(ticket, DEAL_PRICE)));
   w.KStr("commission", MoneyText(HistoryDealGetDouble(ticket, DEAL_COMMISSION)));
   w.KStr("swap", MoneyText(HistoryDealGetDouble(ticket, DEAL_SWAP)));
   w.KStr("profit", MoneyText(HistoryDealGetDouble(ticket, DEAL_PROFIT)));
   w.KStr("fee", MoneyText(HistoryDealGetDouble(ticket, DEAL_FEE)));
   w.KStr("symbol", sym);
   w.KStr("comment", HistoryDealGetString(ticket, DEAL_COMMENT));
   w.ObjEnd();
  }

// Selects the history the params name: {ticket} (one entry, selected by the caller), {position}
// (HistorySelectByPosition) or {date_from, date_to} (HistorySelect, server time). 0 = bad params,
// -1 = the selection failed (Fail set), 1 = range/position selected, 2 = a ticket was given.
int SelectHistory(CJsonDoc &doc, const int p, long &ticket)
  {
   long position = 0, from = 0, to = 0;
   if(doc.Has(p, "ticket"))
      return (doc.Long(p, "ticket", ticket) && ticket > 0) ? 2 : 0;
   if(doc.Has(p, "position"))
     {
      if(!doc.Long(p, "position", position) || position <= 0)
         return 0;
      ResetLastError();
      if(!HistorySelectByPosition(position))
        {
         FailLast(BRIDGE_ERR_HISTORY_NOT_FOUND, "HistorySelectByPosition");
         return -1;
        }
      return 1;
     }
   if(!doc.Long(p, "date_from", from) || !doc.Long(p, "date_to", to) || from < 0 || to < from)
      return 0;
   ResetLastError();
   if(!HistorySelect((datetime)from, (datetime)to))
     {
      FailLast(BRIDGE_ERR_HISTORY_NOT_FOUND, "HistorySelect");
      return -1;
     }
   return 1;
  }

int CmdHistoryDealsGet(CJsonDoc &doc, const int p, CJsonWriter &w)
  {
   long ticket = 0;
   int how = SelectHistory(doc, p, ticket);
   if(how == 0)
      return BadParams("history_deals_get takes {date_from, date_to}, {ticket} or {position}");
   if(how < 0)
      return CMD_FAIL;
   w.ArrBegin();
   if(how == 2)
     {
      if(HistoryDealSelect((ulong)ticket))          // not (yet) in history: an empty list
         WriteDeal(w, (ulong)ticket);
     }
   else
     {
      int total = HistoryDealsTotal();
      for(int i = 0; i < total; i++)
        {
         ulong t = HistoryDealGetTicket(i);
         if(t > 0)
            WriteDeal(w, t);
        }
     }
   w.ArrEnd();
   return CMD_OK;
  }

int CmdHistoryOrdersGet(CJsonDoc &doc, const int p, CJsonWriter &w)
  {
   long ticket = 0;
   int how = SelectHistory(doc, p, ticket);
   if(how == 0)
      return BadParams("history_orders_get takes {date_from, date_to}, {ticket} or {position}");
   if(how < 0)
      return CMD_FAIL;
   w.ArrBegin();
   if(how == 2)
     {
      if(HistoryOrderSelect((ulong)ticket))         // not (yet) in history: an empty list
         WriteOrder(w, true, (ulong)ticket);
     }
   else
     {
      int total = HistoryOrdersTotal();
      for(int i = 0; i < total; i++)
        {
         ulong t = HistoryOrderGetTicket(i);
         if(t > 0)
            WriteOrder(w, true, t);
        }
     }
   w.ArrEnd();
   return CMD_OK;
  }

#endif
