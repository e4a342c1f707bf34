using System.Globalization;

namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>Evaluates an integer constant expression of a translation unit (names through its constants; null if unknown).</summary>
internal sealed class ConstantEvaluator(CppTranslationUnit unit, int depth)
{
    private static readonly string[][] Levels =
    [
        ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"],
    ];

    private int _at;
    private int _end;

    public long? Evaluate(int start, int end)
    {
        _at = start;
        _end = end;
        try
        {
            var value = Conditional();
            return _at == _end ? value : null;
        }
        catch (Exception e) when (e is DivideByZeroException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private bool Next(string text) => _at < _end && unit.Tokens[_at].Is(text);

    private long? Conditional()
    {
        var condition = Binary(0);
        if (!Next("?")) return condition;
        _at++;
        var yes = Conditional();
        if (!Next(":")) throw new ArgumentOutOfRangeException(nameof(unit));
        _at++;
        var no = Conditional();
        return condition is null ? null : condition != 0 ? yes : no;
    }

    private long? Binary(int level)
    {
        if (level == Levels.Length) return Unary();
        var left = Binary(level + 1);
        while (_at < _end && Levels[level].Any(Next))
        {
            var op = unit.Tokens[_at++].Text;
            var right = Binary(level + 1);
            left = left is not { } l || right is not { } r ? null : op switch
            {
                "||" => l != 0 || r != 0 ? 1 : 0, "&&" => l != 0 && r != 0 ? 1 : 0, "|" => l | r, "^" => l ^ r, "&" => l & r,
                "==" => l == r ? 1 : 0, "!=" => l != r ? 1 : 0, "<" => l < r ? 1 : 0, ">" => l > r ? 1 : 0,
                "<=" => l <= r ? 1 : 0, ">=" => l >= r ? 1 : 0, "<<" => l << (int)r, ">>" => l >> (int)r,
                "+" => l + r, "-" => l - r, "*" => l * r, "/" => l / r, _ => l % r,
            };
        }
        return left;
    }

    private long? Unary()
    {
        if (_at >= _end) throw new ArgumentOutOfRangeException(nameof(unit));
        var token = unit.Tokens[_at];
        if (token.Is("-") || token.Is("+") || token.Is("!") || token.Is("~"))
        {
            _at++;
            var operand = Unary();
            return operand is not { } v ? null : token.Text switch { "-" => -v, "+" => v, "!" => v == 0 ? 1 : 0, _ => ~v };
        }
        if (token.Is("("))
        {
            int close = unit.Close(_at);
            var inner = new ConstantEvaluator(unit, depth).Evaluate(_at + 1, close);
            _at = close + 1;
            return inner;
        }
        if (token.Kind == CppTokenKind.Number)
        {
            _at++;
            var digits = token.Text.Replace("'", "", StringComparison.Ordinal).TrimEnd('u', 'U', 'l', 'L');
            return digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? long.Parse(digits[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        if (token.Is("true") || token.Is("false")) { _at++; return token.Is("true") ? 1 : 0; }
        if (token.Is("static_cast") && _at + 1 < _end && unit.Tokens[_at + 1].Is("<"))
        {
            _at = unit.Close(_at + 1) + 1;
            return Unary();
        }
        if (token.Kind != CppTokenKind.Identifier) throw new ArgumentOutOfRangeException(nameof(unit));
        string name = token.Text;
        _at++;
        while (Next("::") && _at + 1 < _end) { name = unit.Tokens[_at + 1].Text; _at += 2; }
        if (Next("(") || Next("<")) throw new ArgumentOutOfRangeException(nameof(unit));
        return unit.ValueOf(name, depth);
    }
}
