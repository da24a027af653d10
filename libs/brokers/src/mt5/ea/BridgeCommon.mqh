//+------------------------------------------------------------------+
//| BridgeCommon.mqh                                                 |
//| Command outcome codes, the failure a command reports, and the    |
//| number formats PROTOCOL.md asks for (prices with the symbol's    |
//| digits, volumes with the volume step's decimals, money with the  |
//| account currency's digits, 64-bit ids as decimal strings).       |
//+------------------------------------------------------------------+
#ifndef EDGERUNNER_BRIDGE_COMMON_MQH
#define EDGERUNNER_BRIDGE_COMMON_MQH

// What a command handler returns.
#define CMD_FAIL  0   // g_failCode / g_failMessage say why; answered ok:false
#define CMD_OK    1   // the writer holds the result; answered ok:true
#define CMD_LATER 2   // answered on a later timer tick (run_ea)

// Codes PROTOCOL.md names (MQL5 runtime error numbers).
#define BRIDGE_ERR_BAD_COMMAND        4014 // unknown command or params the EA cannot read
#define BRIDGE_ERR_INVALID_PARAMETER  4003 // also used for a result that would exceed the 1 MiB line limit
#define BRIDGE_ERR_CHART_WRONG_ID     4101
#define BRIDGE_ERR_CHART_NOT_FOUND    4103
#define BRIDGE_ERR_CHART_TEMPLATE     4112
#define BRIDGE_ERR_UNKNOWN_SYMBOL     4301
#define BRIDGE_ERR_HISTORY_NOT_FOUND  4401
#define BRIDGE_ERR_TRADE_SEND_FAILED  4756

int    g_failCode    = 0;
string g_failMessage = "";

// MQL5 has no built-in error text; these are the codes a caller is likely to see.
string BridgeErrorText(const int code)
  {
   switch(code)
     {
      case 4003: return "Wrong parameter";
      case 4014: return "Unknown command or unreadable params";
      case 4101: return "Wrong chart ID";
      case 4103: return "Chart not found";
      case 4112: return "Chart template failed";
      case 4301: return "Unknown symbol";
      case 4302: return "Symbol not selected in Market Watch";
      case 4401: return "Requested history not found";
      case 4403: return "Timeout while requesting history";
      case 4752: return "Trading by Expert Advisors prohibited";
      case 4753: return "Position not found";
      case 4754: return "Order not found";
      case 4755: return "Deal not found";
      case 4756: return "Trade request sending failed";
     }
   return "MQL5 error " + IntegerToString(code);
  }

// Records why a command could not run; message "" means the standard text for the code.
int Fail(const int code, const string message = "")
  {
   g_failCode = code;
   g_failMessage = (message == "") ? BridgeErrorText(code) : message;
   return CMD_FAIL;
  }

// Fails with GetLastError(), or with `fallback` when the call left no error code.
// Callers ResetLastError() right before the call whose error they report.
int FailLast(const int fallback, const string what)
  {
   int code = GetLastError();
   if(code == 0)
      code = fallback;
   return Fail(code, what + ": " + BridgeErrorText(code));
  }

int BadParams(const string what)
  {
   return Fail(BRIDGE_ERR_BAD_COMMAND, "Cannot read params: " + what);
  }

// How many decimals `value` needs (0..8), e.g. 0.01 -> 2, 0.5 -> 1, 1 -> 0.
int DecimalsOf(const double value)
  {
   double v = MathAbs(value);
   for(int d = 0; d < 8; d++)
     {
      double scaled = v * MathPow(10.0, d);
      if(MathAbs(scaled - MathRound(scaled)) < 1e-6)
         return d;
     }
   return 8;
  }

// Symbol digits; 8 when the terminal does not know the symbol (e.g. "" on a balance deal),
// so a price is never rounded to an integer by accident.
int PriceDigits(const string symbol)
  {
   long digits = 0;
   if(symbol == "" || !SymbolInfoInteger(symbol, SYMBOL_DIGITS, digits))
      return 8;
   return (int)digits;
  }

// Decimals of the symbol's volume step (0.01 -> 2); 8 when unknown.
int VolumeDigits(const string symbol)
  {
   double step = 0.0;
   if(symbol == "" || !SymbolInfoDouble(symbol, SYMBOL_VOLUME_STEP, step) || step <= 0.0)
      return 8;
   return DecimalsOf(step);
  }

string PriceText(const string symbol, const double price)
  {
   return DoubleToString(price, PriceDigits(symbol));
  }

string VolumeText(const string symbol, const double volume)
  {
   return DoubleToString(volume, VolumeDigits(symbol));
  }

string MoneyText(const double amount)
  {
   return DoubleToString(amount, (int)AccountInfoInteger(ACCOUNT_CURRENCY_DIGITS));
  }

// Tickets, magic numbers, position ids and chart ids go out as decimal strings: they may exceed 2^53.
string IdText(const long id)
  {
   return IntegerToString(id);
  }

string UIdText(const ulong id)
  {
   return IntegerToString((long)id);
  }

bool SymbolKnown(const string symbol)
  {
   bool is_custom = false;
   return symbol != "" && SymbolExist(symbol, is_custom);
  }

#endif
