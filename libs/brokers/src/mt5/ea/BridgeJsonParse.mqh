//+------------------------------------------------------------------+
//| BridgeJsonParse.mqh                                              |
//| CJsonDoc's parser: one JSON object into the node arrays declared |
//| in BridgeJsonDoc.mqh (strings with every escape, numbers kept as |
//| text, booleans, null, nested objects and arrays).                |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_JSON_PARSE_MQH
#define EDGERUNNER_BRIDGE_JSON_PARSE_MQH

#include "BridgeJsonDoc.mqh"

// True only for exactly one JSON object, optionally surrounded by whitespace.
bool CJsonDoc::Parse(const string text)
  {
   m_src = text;
   m_len = StringLen(text);
   m_pos = 0;
   m_count = 0;
   SkipSpace();
   if(Peek() != '{')
      return false;
   if(!ParseValue(-1, "", 0))
      return false;
   SkipSpace();
   return m_pos == m_len;
  }

bool CJsonDoc::ParseValue(const int parent, const string key, const int depth)
  {
   if(depth >= JSON_MAX_NESTING)
      return false;
   SkipSpace();
   ushort c = Peek();
   if(c == '{' || c == '[')
     {
      bool isObject = (c == '{');
      ushort closer = isObject ? '}' : ']';
      int node = Add(isObject ? JSON_OBJECT : JSON_ARRAY, parent, key, "");
      m_pos++;
      SkipSpace();
      if(Peek() == closer)
        {
         m_pos++;
         return true;
        }
      while(true)
        {
         string childKey = "";
         if(isObject)
           {
            SkipSpace();
            if(Peek() != '\"' || !ParseString(childKey))
               return false;
            SkipSpace();
            if(Peek() != ':')
               return false;
            m_pos++;
           }
         if(!ParseValue(node, childKey, depth + 1))
            return false;
         SkipSpace();
         c = Peek();
         m_pos++;
         if(c == ',')
            continue;
         return c == closer;
        }
     }
   string text = "";
   if(c == '\"')
     {
      if(!ParseString(text))
         return false;
      Add(JSON_STRING, parent, key, text);
      return true;
     }
   if(c == '-' || IsDigit(c))
     {
      if(!ParseNumber(text))
         return false;
      Add(JSON_NUMBER, parent, key, text);
      return true;
     }
   if(c == 't' && ParseWord("true"))   { Add(JSON_BOOL, parent, key, "true");  return true; }
   if(c == 'f' && ParseWord("false"))  { Add(JSON_BOOL, parent, key, "false"); return true; }
   if(c == 'n' && ParseWord("null"))   { Add(JSON_NULL, parent, key, "");      return true; }
   return false;
  }

// At the opening quote. Unescaped runs are copied with StringSubstr; escapes are decoded one by one.
// MQL5 strings are UTF-16, so an escaped surrogate pair (D83D DE00) is kept as its two code units.
bool CJsonDoc::ParseString(string &out)
  {
   out = "";
   m_pos++;
   int run = m_pos;
   while(m_pos < m_len)
     {
      ushort c = StringGetCharacter(m_src, m_pos);
      if(c == '\"')
        {
         if(m_pos > run)
            out += StringSubstr(m_src, run, m_pos - run);
         m_pos++;
         return true;
        }
      if(c < 0x20)
         return false;                 // raw control characters are not JSON
      if(c != '\\')
        {
         m_pos++;
         continue;
        }
      if(m_pos > run)
         out += StringSubstr(m_src, run, m_pos - run);
      m_pos++;
      if(m_pos >= m_len)
         return false;
      ushort e = StringGetCharacter(m_src, m_pos);
      m_pos++;
      if(e == '\"')       out += "\"";
      else if(e == '\\') out += "\\";
      else if(e == '/')  out += "/";
      else if(e == 'b')  out += ShortToString(0x08);
      else if(e == 'f')  out += ShortToString(0x0C);
      else if(e == 'n')  out += "\n";
      else if(e == 'r')  out += "\r";
      else if(e == 't')  out += "\t";
      else if(e == 'u')
        {
         int code = 0;
         if(!Hex4(code))
            return false;
         if(code >= 0xD800 && code <= 0xDBFF)
           {
            // A high surrogate must be followed by a backslash-u escape of a low surrogate.
            int low = 0;
            if(m_pos + 2 > m_len || StringGetCharacter(m_src, m_pos) != '\\' ||
               StringGetCharacter(m_src, m_pos + 1) != 'u')
               return false;
            m_pos += 2;
            if(!Hex4(low) || low < 0xDC00 || low > 0xDFFF)
               return false;
            out += ShortToString((ushort)code) + ShortToString((ushort)low);
           }
         else
           {
            if(code >= 0xDC00 && code <= 0xDFFF)
               return false;           // a low surrogate on its own
            out += ShortToString((ushort)code);
           }
        }
      else
         return false;
      run = m_pos;
     }
   return false;                       // no closing quote
  }

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? kept as text.
bool CJsonDoc::ParseNumber(string &out)
  {
   int start = m_pos;
   if(Peek() == '-')
      m_pos++;
   if(Peek() == '0')
      m_pos++;
   else
     {
      if(!IsDigit(Peek()))
         return false;
      while(IsDigit(Peek()))
         m_pos++;
     }
   if(Peek() == '.')
     {
      m_pos++;
      if(!IsDigit(Peek()))
         return false;
      while(IsDigit(Peek()))
         m_pos++;
     }
   if(Peek() == 'e' || Peek() == 'E')
     {
      m_pos++;
      if(Peek() == '+' || Peek() == '-')
         m_pos++;
      if(!IsDigit(Peek()))
         return false;
      while(IsDigit(Peek()))
         m_pos++;
     }
   out = StringSubstr(m_src, start, m_pos - start);
   return true;
  }

bool CJsonDoc::ParseWord(const string word)
  {
   int n = StringLen(word);
   if(m_pos + n > m_len || StringSubstr(m_src, m_pos, n) != word)
      return false;
   m_pos += n;
   return true;
  }

#endif
