namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>The bit width of a type written as tokens: ap_int/ap_uint/ap_fixed, standard integer and floating types, typedefs.</summary>
internal static class TypeWidth
{
    private static readonly Dictionary<string, int> Standard = new(StringComparer.Ordinal)
    {
        ["bool"] = 1, ["char"] = 8, ["int8_t"] = 8, ["uint8_t"] = 8, ["short"] = 16, ["int16_t"] = 16, ["uint16_t"] = 16,
        ["int"] = 32, ["int32_t"] = 32, ["uint32_t"] = 32, ["float"] = 32, ["long"] = 64, ["int64_t"] = 64, ["uint64_t"] = 64,
        ["double"] = 64, ["size_t"] = 64, ["half"] = 16, ["unsigned"] = 32, ["signed"] = 32,
    };

    public static int? Of(CppTranslationUnit unit, int start, int end, int depth = 0)
    {
        var tokens = unit.Tokens;
        for (int i = start; i < end && depth < 8; i++)
        {
            var text = tokens[i].Text;
            if (tokens[i].Kind != CppTokenKind.Identifier || text is "const" or "volatile" or "static" or "constexpr" or "typename") continue;
            if (i + 1 < end && tokens[i + 1].Is("::")) { i++; continue; }
            if (text is "ap_int" or "ap_uint" or "ap_fixed" or "ap_ufixed" or "ap_int_base" && i + 1 < end && tokens[i + 1].Is("<"))
            {
                int close = unit.Close(i + 1), stop = i + 2;
                while (stop < close && !tokens[stop].Is(",")) stop++;
                var bits = unit.Evaluate(i + 2, stop);
                return bits is null ? null : (int)bits;
            }
            if (unit.Typedefs.TryGetValue(text, out var alias)) return Of(unit, alias.Start, alias.End, depth + 1);
            if (Standard.TryGetValue(text, out var width))
            {
                // long long, unsigned char, signed char, short int: the last width word decides, except "long long".
                int j = i + 1;
                while (j < end && tokens[j].Kind == CppTokenKind.Identifier && Standard.ContainsKey(tokens[j].Text))
                {
                    if (!(tokens[j].Text == "int" && width != 32)) width = text == "long" && tokens[j].Text == "long" ? 64 : Standard[tokens[j].Text];
                    if (tokens[j].Text == "int" && text is "unsigned" or "signed") width = 32;
                    j++;
                }
                return width;
            }
            return null;
        }
        return null;
    }
}
