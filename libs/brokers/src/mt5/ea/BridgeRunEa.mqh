//+------------------------------------------------------------------+
//| BridgeRunEa.mqh                                                  |
//| run_ea: open a NEW chart, write a template naming the expert     |
//| into MQL5\Files\bridge\<chart id>.tpl, apply it, and answer once |
//| CHART_EXPERT_NAME shows the expert (polled on later timer ticks, |
//| up to 10 s). stop_ea: close such a chart.                        |
//| The template is never applied to the bridge's own chart: that    |
//| would unload the bridge.                                         |
//| The template itself is built by BridgeTemplate.mqh.              |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_RUNEA_MQH
#define EDGERUNNER_BRIDGE_RUNEA_MQH

#include "BridgeCommon.mqh"
#include "BridgeJson.mqh"
#include "BridgeJsonReader.mqh"
#include "BridgeSocket.mqh"
#include "BridgeTemplate.mqh"

#define RUN_EA_TIMEOUT_MS 10000
#define RUN_EA_POLL_MS    200

// run_ea requests waiting for their expert to load (parallel arrays: plain types only).
string g_runId[];
long   g_runChart[];
string g_runExpert[];     // as requested, e.g. "Examples\Moving Average" (echoed in the answer)
string g_runName[];       // what CHART_EXPERT_NAME should show, e.g. "Moving Average"
string g_runSymbol[];
int    g_runPeriod[];
string g_runFile[];
ulong  g_runDeadline[];
ulong  g_runNextPoll[];
bool   g_runReframed[];   // ChartSetSymbolPeriod already called once

bool ChartExists(const long chart)
  {
   for(long c = ChartFirst(); c >= 0; c = ChartNext(c))
      if(c == chart)
         return true;
   return false;
  }

int CmdRunEa(CJsonDoc &doc, const int p, const string id)
  {
   string sym = "", expert = "", inputs = "";
   long tf = 0;
   if(!doc.Str(p, "symbol", sym) || !doc.Long(p, "timeframe", tf) || tf < 0 || tf > INT_MAX ||
      !doc.Str(p, "expert", expert) || !InputsText(doc, doc.Find(p, "inputs"), inputs))
      return BadParams("run_ea takes {symbol, timeframe, expert, inputs?}");
   // expert: a path under MQL5\Experts without .ex5, e.g. "Examples\Moving Average". The answer
   // echoes it as requested; the template gets it with backslashes.
   string requested = expert;
   StringReplace(expert, "/", "\\");
   if(StringLen(expert) > 4 && StringSubstr(expert, StringLen(expert) - 4) == ".ex5")
      expert = StringSubstr(expert, 0, StringLen(expert) - 4);
   if(expert == "" || StringFind(expert, "..") >= 0 || StringFind(expert, ":") >= 0 ||
      StringFind(expert, "\n") >= 0 || StringFind(expert, "\r") >= 0)
      return BadParams("expert must be a path under MQL5\\Experts");
   string parts[];
   int count = StringSplit(expert, '\\', parts);
   string name = (count > 0) ? parts[count - 1] : expert;
   if(!SymbolKnown(sym))
      return Fail(BRIDGE_ERR_UNKNOWN_SYMBOL);
   SymbolSelect(sym, true);

   string base = "", tpl = "";
   if(!LoadBaseTemplate(base))
      return FailLast(BRIDGE_ERR_CHART_TEMPLATE, "No base template (MQL5\\Files\\bridge\\base.tpl or the bridge's chart)");
   if(!PatchTemplate(base, name, "Experts\\" + expert + ".ex5", inputs, tpl))
      return Fail(BRIDGE_ERR_CHART_TEMPLATE, "The base template has no <expert> block");

   ResetLastError();
   long chart = ChartOpen(sym, (ENUM_TIMEFRAMES)tf);
   if(chart == 0)
      return FailLast(BRIDGE_ERR_CHART_WRONG_ID, "ChartOpen");
   if(chart == ChartID())              // cannot happen for a new chart; never risk unloading the bridge
      return Fail(BRIDGE_ERR_CHART_WRONG_ID, "ChartOpen returned the bridge's own chart");
   string file = RUN_EA_FILE_PREFIX + IntegerToString(chart) + ".tpl";
   if(!WriteTemplateFile(file, tpl))
     {
      int err = GetLastError();
      ChartClose(chart);
      return Fail(err != 0 ? err : BRIDGE_ERR_CHART_TEMPLATE, "Cannot write MQL5\\Files\\" + file);
     }
   ResetLastError();
   if(!ChartApplyTemplate(chart, "\\Files\\" + file))   // a leading backslash: relative to the MQL5 folder
     {
      int err = GetLastError();
      ChartClose(chart);
      FileDelete(file);
      return Fail(err != 0 ? err : BRIDGE_ERR_CHART_TEMPLATE, "ChartApplyTemplate: " + BridgeErrorText(err != 0 ? err : BRIDGE_ERR_CHART_TEMPLATE));
     }
   // The template is only queued: RunEaPoll answers once the expert shows on the chart.
   int n = ArraySize(g_runId);
   ArrayResize(g_runId, n + 1);       ArrayResize(g_runChart, n + 1);
   ArrayResize(g_runExpert, n + 1);   ArrayResize(g_runName, n + 1);
   ArrayResize(g_runSymbol, n + 1);   ArrayResize(g_runPeriod, n + 1);
   ArrayResize(g_runFile, n + 1);     ArrayResize(g_runDeadline, n + 1);
   ArrayResize(g_runNextPoll, n + 1); ArrayResize(g_runReframed, n + 1);
   ulong now = GetTickCount64();
   g_runId[n] = id;
   g_runChart[n] = chart;
   g_runExpert[n] = requested;
   g_runName[n] = name;
   g_runSymbol[n] = sym;
   g_runPeriod[n] = (int)tf;
   g_runFile[n] = file;
   g_runDeadline[n] = now + RUN_EA_TIMEOUT_MS;
   g_runNextPoll[n] = now + RUN_EA_POLL_MS;
   g_runReframed[n] = false;
   return CMD_LATER;
  }

void RunEaRemove(const int i)
  {
   FileDelete(g_runFile[i]);
   ArrayRemove(g_runId, i, 1);       ArrayRemove(g_runChart, i, 1);
   ArrayRemove(g_runExpert, i, 1);   ArrayRemove(g_runName, i, 1);
   ArrayRemove(g_runSymbol, i, 1);   ArrayRemove(g_runPeriod, i, 1);
   ArrayRemove(g_runFile, i, 1);     ArrayRemove(g_runDeadline, i, 1);
   ArrayRemove(g_runNextPoll, i, 1); ArrayRemove(g_runReframed, i, 1);
  }

// Called from the timer while connected.
void RunEaPoll()
  {
   ulong now = GetTickCount64();
   for(int i = ArraySize(g_runId) - 1; i >= 0; i--)
     {
      if(now < g_runNextPoll[i])
         continue;
      g_runNextPoll[i] = now + RUN_EA_POLL_MS;
      long chart = g_runChart[i];
      ResetLastError();
      string shown = ChartGetString(chart, CHART_EXPERT_NAME);
      int err = GetLastError();
      if(shown == g_runName[i])
        {
         // Whether a template carries its own symbol/period is undocumented: put the requested ones back.
         if(ChartSymbol(chart) != g_runSymbol[i] || (int)ChartPeriod(chart) != g_runPeriod[i])
           {
            if(!g_runReframed[i])
               ChartSetSymbolPeriod(chart, g_runSymbol[i], (ENUM_TIMEFRAMES)g_runPeriod[i]);
            g_runReframed[i] = true;
           }
         else
           {
            CJsonWriter w;
            w.ObjBegin();
            w.KStr("chart_id", IdText(chart));
            w.KStr("expert", g_runExpert[i]);
            w.ObjEnd();
            SendResult(g_runId[i], w.Text());
            RunEaRemove(i);
            continue;
           }
        }
      if(now >= g_runDeadline[i])
        {
         int code = (err == BRIDGE_ERR_CHART_WRONG_ID || err == BRIDGE_ERR_CHART_NOT_FOUND) ? err : BRIDGE_ERR_CHART_TEMPLATE;
         SendFailure(g_runId[i], code, "The expert did not load within 10 s (CHART_EXPERT_NAME is \"" + shown +
                     "\"); is MQL5\\Experts\\" + g_runExpert[i] + ".ex5 compiled?");
         ChartClose(chart);
         RunEaRemove(i);
        }
     }
  }

// On disconnect or deinit: nobody can be told the chart id, so the half-launched charts are closed.
void RunEaAbandonAll()
  {
   for(int i = ArraySize(g_runId) - 1; i >= 0; i--)
     {
      ChartClose(g_runChart[i]);
      RunEaRemove(i);
     }
  }

int CmdStopEa(CJsonDoc &doc, const int p, CJsonWriter &w)
  {
   long chart = 0;
   if(!doc.Long(p, "chart_id", chart) || chart <= 0)
      return BadParams("stop_ea takes {chart_id}");
   if(chart == ChartID())
      return Fail(BRIDGE_ERR_CHART_WRONG_ID, "stop_ea never closes the bridge's own chart");
   if(!ChartExists(chart))
      return Fail(BRIDGE_ERR_CHART_NOT_FOUND);
   ResetLastError();
   if(!ChartClose(chart))
      return FailLast(BRIDGE_ERR_CHART_NOT_FOUND, "ChartClose");
   for(int i = ArraySize(g_runId) - 1; i >= 0; i--)
      if(g_runChart[i] == chart)
        {
         SendFailure(g_runId[i], BRIDGE_ERR_CHART_NOT_FOUND, "The chart was closed by stop_ea before the expert loaded");
         RunEaRemove(i);
        }
   w.ObjBegin();
   w.KStr("chart_id", IdText(chart));
   w.ObjEnd();
   return CMD_OK;
  }

#endif
