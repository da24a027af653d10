//+------------------------------------------------------------------+
//| BridgeRunEa.mqh                                                  |
//| run_ea: open a NEW chart, write a template naming the expert     |
//| into MQL5\Files\bridge\<chart id>.tpl, apply it, and answer once |
//| CHART_EXPERT_NAME shows the expert (polled on later timer ticks, |
//| up to 10 s). stop_ea: close such a chart.                        |
//| The template is never applied to the bridge's own chart: that    |
//| would unload the bridge.                                         |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_RUNEA_MQH
#define EDGERUNNER_BRIDGE_RUNEA_MQH

#include "BridgeCommon.mqh"
#include "BridgeJson.mqh"
#include "BridgeJsonReader.mqh"
#include "BridgeSocket.mqh"

#define RUN_EA_TIMEOUT_MS 10000
#define RUN_EA_POLL_MS    200
#define RUN_EA_FOLDER     "bridge"
#define RUN_EA_FILE_PREFIX "bridge\\"          // + <chart id>.tpl
#define RUN_EA_BASE_FILE  "bridge\\base.tpl"   // optional, saved by the user (INSTALL.md)
#define RUN_EA_SELF_FILE  "bridge\\self.tpl"   // the bridge's own chart, saved when base.tpl is missing

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

// A template from MQL5\Files: UTF-16LE with a BOM (how the terminal writes them), else UTF-8/ANSI.
bool ReadTemplateFile(const string file, string &text)
  {
   text = "";
   int h = FileOpen(file, FILE_READ | FILE_BIN);
   if(h == INVALID_HANDLE)
      return false;
   int size = (int)FileSize(h);
   uchar bytes[];
   ArrayResize(bytes, size);
   int n = (size > 0) ? (int)FileReadArray(h, bytes, 0, size) : 0;
   FileClose(h);
   if(n >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
     {
      int units = (n - 2) / 2;
      ushort chars[];
      ArrayResize(chars, units);
      for(int i = 0; i < units; i++)
         chars[i] = (ushort)(bytes[2 + 2 * i] | (bytes[3 + 2 * i] << 8));
      text = (units > 0) ? ShortArrayToString(chars, 0, units) : "";
      return true;
     }
   int skip = (n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) ? 3 : 0;
   text = (n > skip) ? CharArrayToString(bytes, skip, n - skip, CP_UTF8) : "";
   return true;
  }

// Written as a new UTF-16LE file with its BOM: without the mark the terminal does not apply a template.
bool WriteTemplateFile(const string file, const string text)
  {
   FileDelete(file);
   int h = FileOpen(file, FILE_WRITE | FILE_BIN);
   if(h == INVALID_HANDLE)
      return false;
   int n = StringLen(text);
   ushort units[];
   ArrayResize(units, n + 1);
   units[0] = 0xFEFF;
   for(int i = 0; i < n; i++)
      units[i + 1] = StringGetCharacter(text, i);
   uint written = FileWriteArray(h, units, 0, n + 1);
   FileClose(h);
   return written == (uint)(n + 1);
  }

// The base: the user's bridge\base.tpl when it has an <expert> block, else a template saved from the
// bridge's own chart (which carries the bridge's Algo Trading permission). The self copy is deleted at
// once: it holds the bridge's inputs, the token among them, and only its <inputs> are replaced.
bool LoadBaseTemplate(string &text)
  {
   FolderCreate(RUN_EA_FOLDER);
   if(FileIsExist(RUN_EA_BASE_FILE) && ReadTemplateFile(RUN_EA_BASE_FILE, text) && StringFind(text, "<expert>") >= 0)
      return true;
   ResetLastError();
   if(!ChartSaveTemplate(ChartID(), "\\Files\\bridge\\self"))
      return false;
   bool ok = ReadTemplateFile(RUN_EA_SELF_FILE, text);
   FileDelete(RUN_EA_SELF_FILE);
   return ok && StringFind(text, "<expert>") >= 0;
  }

// Rewrites the first <expert> block: its own name= and path= lines and its whole <inputs> block
// (lines inside other containers nested in it are kept as they are). False without an <expert> block.
bool PatchTemplate(const string base, const string name, const string path, const string inputs, string &out)
  {
   string lines[];
   int n = StringSplit(base, '\n', lines);
   bool inExpert = false, inInputs = false, done = false, sawName = false, sawPath = false, sawInputs = false;
   int nested = 0;                     // depth of other containers inside <expert>
   out = "";
   for(int i = 0; i < n; i++)
     {
      string line = lines[i];
      StringReplace(line, "\r", "");
      string t = line;
      StringTrimLeft(t);
      StringTrimRight(t);
      if(!inExpert)
        {
         if(!done && t == "<expert>")
            inExpert = true;
         if(line != "" || i < n - 1)
            out += line + "\r\n";
         continue;
        }
      if(inInputs)
        {
         if(t == "</inputs>")
           {
            inInputs = false;
            out += line + "\r\n";
           }
         continue;                     // the base's own input values are dropped
        }
      int len = StringLen(t);
      bool isTag = len > 2 && StringGetCharacter(t, 0) == '<' && StringGetCharacter(t, len - 1) == '>';
      bool isClose = isTag && StringGetCharacter(t, 1) == '/';
      if(nested == 0 && t == "<inputs>")
        {
         inInputs = true;
         sawInputs = true;
         out += line + "\r\n" + inputs;
         continue;
        }
      if(nested == 0 && t == "</expert>")
        {
         if(!sawName)   out += "name=" + name + "\r\n";
         if(!sawPath)   out += "path=" + path + "\r\n";
         if(!sawInputs) out += "<inputs>\r\n" + inputs + "</inputs>\r\n";
         inExpert = false;
         done = true;
         out += line + "\r\n";
         continue;
        }
      if(isTag)
         nested += isClose ? -1 : 1;
      else
         if(nested == 0 && StringFind(t, "name=") == 0)
           {
            sawName = true;
            out += "name=" + name + "\r\n";
            continue;
           }
         else
            if(nested == 0 && StringFind(t, "path=") == 0)
              {
               sawPath = true;
               out += "path=" + path + "\r\n";
               continue;
              }
      out += line + "\r\n";
     }
   return done;
  }

// params.inputs {name: value} as template lines "name=value"; false when unusable.
bool InputsText(CJsonDoc &doc, const int inputs, string &text)
  {
   text = "";
   if(inputs < 0)
      return true;
   if(doc.Type(inputs) != JSON_OBJECT)
      return false;
   for(int c = doc.NextChild(inputs, -1); c >= 0; c = doc.NextChild(inputs, c))
     {
      string key = doc.KeyOf(c);
      int type = doc.Type(c);
      if(key == "" || (type != JSON_STRING && type != JSON_NUMBER && type != JSON_BOOL))
         return false;
      for(int i = 0; i < StringLen(key); i++)
        {
         ushort k = StringGetCharacter(key, i);
         if(!((k >= 'a' && k <= 'z') || (k >= 'A' && k <= 'Z') || (k >= '0' && k <= '9') || k == '_'))
            return false;
        }
      string value = doc.Value(c);
      if(StringFind(value, "\n") >= 0 || StringFind(value, "\r") >= 0)
         return false;                 // one input per line
      text += key + "=" + value + "\r\n";
     }
   return true;
  }

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
