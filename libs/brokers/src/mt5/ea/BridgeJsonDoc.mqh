//+------------------------------------------------------------------+
//| BridgeJsonDoc.mqh                                                |
//| CJsonDoc, one parsed message object: the node types and the      |
//| class declaration with its flat node arrays. The parser is       |
//| BridgeJsonParse.mqh, the typed accessors BridgeJsonReader.mqh;   |
//| include BridgeJsonReader.mqh, which pulls in both.               |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_JSON_DOC_MQH
#define EDGERUNNER_BRIDGE_JSON_DOC_MQH

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

#endif
