//+------------------------------------------------------------------+
//| BridgeJsonReader.mqh                                             |
//| A reader for one message object: strings with every escape       |
//| (u-XXXX escapes and surrogate pairs included), numbers kept as  |
//| text so 64-bit values are read with StringToInteger and never    |
//| pass through a double, booleans, null, nested objects and arrays.|
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_JSON_READER_MQH
#define EDGERUNNER_BRIDGE_JSON_READER_MQH

#define JSON_MAX_NESTING 32

//+------------------------------------------------------------------+
//| Reader: parses one object into flat node arrays. Node 0 is the   |
//| root; each node knows its parent, its key (in an object) and its |
//| text (string contents, number text, "true"/"false").             |
//+------------------------------------------------------------------+
enum ENUM_JSON_TYPE
  {
   JSON_NULL,
   JSON_BOOL,
   JSON_NUMBER,
   JSON_STRING,
   JSON_ARRAY,
   JSON_OBJECT
  };

class CJsonDoc
  {
private:
   string            m_src;
   int               m_len;
   int               m_pos;
   int               m_count;
   int               m_type[];
   int               m_parent[];
   string            m_key[];
   string            m_value[];

   int               Add(const int type, const int parent, const string key, const string value)
     {
      if(m_count >= ArraySize(m_type))
        {
         int size = m_count + 64;
         ArrayResize(m_type, size);
         ArrayResize(m_parent, size);
         ArrayResize(m_key, size);
         ArrayResize(m_value, size);
        }
      m_type[m_count] = type;
      m_parent[m_count] = parent;
      m_key[m_count] = key;
      m_value[m_count] = value;
      return m_count++;
     }
   ushort            Peek() const { return (m_pos < m_len) ? StringGetCharacter(m_src, m_pos) : 0; }
   void              SkipSpace()
     {
      while(m_pos < m_len)
        {
         ushort c = StringGetCharacter(m_src, m_pos);
         if(c != ' ' && c != '\t' && c != '\r' && c != '\n')
            break;
         m_pos++;
        }
     }
   static bool       IsDigit(const ushort c) { return c >= '0' && c <= '9'; }
   static int        HexValue(const ushort c)
     {
      if(c >= '0' && c <= '9') return c - '0';
      if(c >= 'a' && c <= 'f') return c - 'a' + 10;
      if(c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
     }
   bool              Hex4(int &code)
     {
      if(m_pos + 4 > m_len)
         return false;
      code = 0;
      for(int i = 0; i < 4; i++)
        {
         int h = HexValue(StringGetCharacter(m_src, m_pos + i));
         if(h < 0)
            return false;
         code = code * 16 + h;
        }
      m_pos += 4;
      return true;
     }
   bool              ParseString(string &out);
   bool              ParseNumber(string &out);
   bool              ParseWord(const string word);
   bool              ParseValue(const int parent, const string key, const int depth);

public:
                     CJsonDoc() { m_len = 0; m_pos = 0; m_count = 0; }
   bool              Parse(const string text);
   int               Find(const int object, const string key) const;
   int               Type(const int node) const   { return m_type[node]; }
   string            Value(const int node) const  { return m_value[node]; }
   string            KeyOf(const int node) const  { return m_key[node]; }
   int               NextChild(const int parent, const int after) const;
   bool              Has(const int object, const string key) const { return Find(object, key) >= 0; }
   bool              Str(const int object, const string key, string &out) const;
   bool              Long(const int object, const string key, long &out) const;
   bool              Dbl(const int object, const string key, double &out) const;
   // Opt*: true when the key is absent (out unchanged) or readable; false when present but unreadable.
   bool              OptStr(const int object, const string key, string &out) const  { return !Has(object, key) || Str(object, key, out); }
   bool              OptLong(const int object, const string key, long &out) const   { return !Has(object, key) || Long(object, key, out); }
   bool              OptDbl(const int object, const string key, double &out) const  { return !Has(object, key) || Dbl(object, key, out); }
   static bool       IsIntegerText(const string s);
  };

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

// The child of `object` named `key`, or -1 when absent or null (null reads as "not given").
int CJsonDoc::Find(const int object, const string key) const
  {
   if(object < 0 || object >= m_count || m_type[object] != JSON_OBJECT)
      return -1;
   for(int i = object + 1; i < m_count; i++)
      if(m_parent[i] == object && m_key[i] == key)
         return (m_type[i] == JSON_NULL) ? -1 : i;
   return -1;
  }

// Children are stored in document order; pass -1 to get the first. -1 at the end.
int CJsonDoc::NextChild(const int parent, const int after) const
  {
   for(int i = MathMax(after, parent) + 1; i < m_count; i++)
      if(m_parent[i] == parent)
         return i;
   return -1;
  }

bool CJsonDoc::IsIntegerText(const string s)
  {
   int n = StringLen(s);
   int i = (n > 0 && StringGetCharacter(s, 0) == '-') ? 1 : 0;
   if(n - i < 1 || n - i > 19)         // more than 19 digits cannot fit a long
      return false;
   for(; i < n; i++)
      if(!IsDigit(StringGetCharacter(s, i)))
         return false;
   return true;
  }

bool CJsonDoc::Str(const int object, const string key, string &out) const
  {
   int node = Find(object, key);
   if(node < 0 || m_type[node] != JSON_STRING)
      return false;
   out = m_value[node];
   return true;
  }

// A JSON integer or a decimal string of one (tickets arrive as strings), via StringToInteger.
bool CJsonDoc::Long(const int object, const string key, long &out) const
  {
   int node = Find(object, key);
   if(node < 0 || (m_type[node] != JSON_NUMBER && m_type[node] != JSON_STRING) || !IsIntegerText(m_value[node]))
      return false;
   out = StringToInteger(m_value[node]);
   return true;
  }

// A JSON number or a decimal string (prices and volumes arrive as strings).
bool CJsonDoc::Dbl(const int object, const string key, double &out) const
  {
   int node = Find(object, key);
   if(node < 0 || (m_type[node] != JSON_NUMBER && m_type[node] != JSON_STRING))
      return false;
   string s = m_value[node];
   int n = StringLen(s);
   if(n == 0 || n > 40)
      return false;
   for(int i = 0; i < n; i++)
     {
      ushort c = StringGetCharacter(s, i);
      if(!IsDigit(c) && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E')
         return false;
     }
   out = StringToDouble(s);
   return true;
  }

#endif
