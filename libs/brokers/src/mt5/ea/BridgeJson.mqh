//+------------------------------------------------------------------+
//| BridgeJson.mqh                                                   |
//| The JSON writer: every string escaped, numbers and 64-bit ids    |
//| written by the caller as integer or decimal text (never through  |
//| a double). The reader is BridgeJsonReader.mqh.                   |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_JSON_MQH
#define EDGERUNNER_BRIDGE_JSON_MQH

#define JSON_MAX_DEPTH 32

// A JSON string literal: quote and backslash escaped, every char below 0x20 as a u00XX escape.
string JsonEscape(const string s)
  {
   string out = "\"";
   int n = StringLen(s);
   int run = 0;                       // start of the chars copied unchanged
   for(int i = 0; i < n; i++)
     {
      ushort c = StringGetCharacter(s, i);
      if(c != 0x22 && c != 0x5C && c >= 0x20)
         continue;
      if(i > run)
         out += StringSubstr(s, run, i - run);
      if(c == 0x22)
         out += "\\\"";
      else
         if(c == 0x5C)
            out += "\\\\";
         else
            out += StringFormat("\\u%04X", (uint)c);
      run = i + 1;
     }
   if(n > run)
      out += StringSubstr(s, run, n - run);
   return out + "\"";
  }

//+------------------------------------------------------------------+
//| Writer: call Key() before each value inside an object.           |
//+------------------------------------------------------------------+
class CJsonWriter
  {
private:
   string            m_text;
   int               m_items[JSON_MAX_DEPTH]; // values written so far at each depth
   int               m_depth;
   bool              m_afterKey;              // the next value follows its key: no comma

   void              Separate()
     {
      if(m_afterKey)
        {
         m_afterKey = false;
         return;
        }
      if(m_depth > 0)
        {
         if(m_items[m_depth] > 0)
            m_text += ",";
         m_items[m_depth]++;
        }
     }
   void              OpenScope(const string bracket)
     {
      Separate();
      m_text += bracket;
      if(m_depth < JSON_MAX_DEPTH - 1)
         m_depth++;
      m_items[m_depth] = 0;
     }
   void              CloseScope(const string bracket)
     {
      m_text += bracket;
      if(m_depth > 0)
         m_depth--;
     }

public:
                     CJsonWriter() { m_text = ""; m_depth = 0; m_afterKey = false; ArrayInitialize(m_items, 0); }
   void              ObjBegin()                 { OpenScope("{"); }
   void              ObjEnd()                   { CloseScope("}"); }
   void              ArrBegin()                 { OpenScope("["); }
   void              ArrEnd()                   { CloseScope("]"); }
   void              Key(const string key)      { Separate(); m_text += JsonEscape(key) + ":"; m_afterKey = true; }
   void              Str(const string value)    { Separate(); m_text += JsonEscape(value); }
   void              Int(const long value)      { Separate(); m_text += IntegerToString(value); }
   void              Bool(const bool value)     { Separate(); m_text += (value ? "true" : "false"); }
   void              Raw(const string json)     { Separate(); m_text += json; }
   void              KStr(const string key, const string value) { Key(key); Str(value); }
   void              KInt(const string key, const long value)   { Key(key); Int(value); }
   void              KBool(const string key, const bool value)  { Key(key); Bool(value); }
   void              KRaw(const string key, const string json)  { Key(key); Raw(json); }
   string            Text() const               { return m_text; }
  };

#endif
