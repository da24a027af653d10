//+------------------------------------------------------------------+
//| BridgeJsonReader.mqh                                             |
//| A reader for one message object: strings with every escape       |
//| (four-hex-digit \u escapes and surrogate pairs too), numbers as  |
//| text so 64-bit values are read with StringToInteger and never    |
//| pass through a double, booleans, null, nested objects and arrays.|
//| The class is declared in BridgeJsonDoc.mqh and parsed by         |
//| BridgeJsonParse.mqh; this file adds the typed accessors (Find,   |
//| Str, Long, Dbl, ...) and is the one to include.                  |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_JSON_READER_MQH
#define EDGERUNNER_BRIDGE_JSON_READER_MQH

#include "BridgeJsonDoc.mqh"
#include "BridgeJsonParse.mqh"

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

// A JSON number or a decimal string (prices and volumes arrive as strings). A double is what MQL5 takes
// for them (MqlTradeRequest.price, .volume, .sl, .tp): the text is checked to be a number, then converted
// once, here; tickets and magic numbers never come this way (Long above).
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
