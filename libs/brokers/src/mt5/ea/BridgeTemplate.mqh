//+------------------------------------------------------------------+
//| BridgeTemplate.mqh                                               |
//| The chart template run_ea applies: read a base (the user's       |
//| bridge\base.tpl or a template saved from the bridge's own        |
//| chart), rewrite its <expert> block with the requested expert and |
//| inputs, and write it as UTF-16LE with a BOM under MQL5\Files.    |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_TEMPLATE_MQH
#define EDGERUNNER_BRIDGE_TEMPLATE_MQH

#include "BridgeJsonReader.mqh"

#define RUN_EA_FOLDER     "bridge"
#define RUN_EA_FILE_PREFIX "bridge\\"          // + <chart id>.tpl
#define RUN_EA_BASE_FILE  "bridge\\base.tpl"   // optional, saved by the user (INSTALL.md)
#define RUN_EA_SELF_FILE  "bridge\\self.tpl"   // the bridge's own chart, saved when base.tpl is missing

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

#endif
