using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CustomerPortal.DualWrite;

namespace CustomerPortal.DataverseEmulator;

// $filter -> SQL WHERE over one mirror table. The subset of q-filter the portal needs: eq ne gt ge lt le,
// and/or/not, parentheses, contains/startswith/endswith (case-insensitive, SQL wildcards honoured inside the
// value as Dataverse does), Microsoft.Dynamics.CRM.In/NotIn, and literals of every type we store.
// Lookups are filtered through _x_value with a GUID, quoted or not (ml-expand, q-filter).
internal sealed partial class FilterParser
{
    private readonly DualWriteTable _table;
    private readonly SqlParameters _parameters;
    private readonly List<Token> _tokens;
    private int _position;

    private FilterParser(DualWriteTable table, string text, SqlParameters parameters)
    {
        _table = table;
        _parameters = parameters;
        _tokens = Tokenize(text);
    }

    public static string ToSql(DualWriteTable table, string filter, SqlParameters parameters)
    {
        var parser = new FilterParser(table, filter, parameters);
        var sql = parser.Or();
        if (parser.Peek().Kind != TokenKind.End)
        {
            throw WebApiException.BadQuery($"Syntax error at position {parser.Peek().Position} in '{filter}'.");
        }

        return sql;
    }

    private string Or()
    {
        var left = And();
        while (IsWord("or"))
        {
            _position++;
            left = $"({left} OR {And()})";
        }

        return left;
    }

    private string And()
    {
        var left = Unary();
        while (IsWord("and"))
        {
            _position++;
            left = $"({left} AND {Unary()})";
        }

        return left;
    }

    private string Unary()
    {
        if (IsWord("not"))
        {
            _position++;
            if (Peek() is { Kind: TokenKind.Word } next && next.Text.StartsWith("Microsoft.Dynamics.CRM.", StringComparison.Ordinal))
            {
                throw WebApiException.BadQuery("Not operator along with the Custom Named Condition operators is not allowed");
            }

            return $"(NOT {Unary()})";
        }

        return Primary();
    }

    private string Primary()
    {
        var token = Next();
        if (token.Kind == TokenKind.Open)
        {
            var inner = Or();
            Expect(TokenKind.Close);
            return $"({inner})";
        }

        if (token.Kind == TokenKind.Word && Peek().Kind == TokenKind.Open)
        {
            return Function(token);
        }

        if (RelatedComparison(token) is { } related)
        {
            return related;
        }

        var left = Operand(token);
        var op = Next();
        var sqlOperator = op.Kind == TokenKind.Word ? op.Text switch
        {
            "eq" => "=",
            "ne" => "<>",
            "gt" => ">",
            "ge" => ">=",
            "lt" => "<",
            "le" => "<=",
            _ => null,
        } : null;
        if (sqlOperator is null)
        {
            throw WebApiException.BadQuery($"Syntax error: character '{op.Text}' is not valid at position {op.Position} in the $filter expression.");
        }

        var right = Operand(Next());
        if (left.Column is null && right.Column is null)
        {
            throw WebApiException.BadQuery("A comparison needs a property on one side.");
        }

        if (left.Column is null)
        {
            (left, right) = (right, left);
            sqlOperator = sqlOperator switch { ">" => "<", ">=" => "<=", "<" => ">", "<=" => ">=", _ => sqlOperator };
        }

        var column = left.Column!;
        if (right.Column is not null)
        {
            return $"{Sql.Compared(column)} {sqlOperator} {Sql.Compared(right.Column)}";
        }

        var literal = right.Literal!;
        if (literal.Kind == TokenKind.Null)
        {
            return sqlOperator switch
            {
                "=" => $"{Sql.Quote(column.LogicalName)} IS NULL",
                "<>" => $"{Sql.Quote(column.LogicalName)} IS NOT NULL",
                _ => throw WebApiException.BadQuery("The null literal can only be compared with eq or ne."),
            };
        }

        return $"{Sql.Compared(column)} {sqlOperator} {Parameter(literal, column)}";
    }

    private string Function(Token name)
    {
        Expect(TokenKind.Open);
        switch (name.Text)
        {
            case "contains" or "startswith" or "endswith":
            {
                var subject = Next();
                var related = RelatedText(subject);
                var column = related is null
                    ? Operand(subject).Column ?? throw WebApiException.BadQuery($"The first argument of {name.Text} must be a property.")
                    : null;
                Expect(TokenKind.Comma);
                var value = Next();
                Expect(TokenKind.Close);
                if (value.Kind != TokenKind.String || (column is not null && column.Type != ColumnType.Text))
                {
                    throw WebApiException.BadQuery($"{name.Text} is only supported between string properties and string literals.");
                }

                // SQLite LIKE is case-insensitive (ASCII), as Dataverse string comparisons are. Wildcards in
                // the value are deliberately left active: Dataverse honours them too.
                var pattern = name.Text switch
                {
                    "contains" => "%" + value.Text + "%",
                    "startswith" => value.Text + "%",
                    _ => "%" + value.Text,
                };
                return $"{related ?? Sql.Quote(column!.LogicalName)} LIKE {_parameters.Add(pattern)}";
            }

            case "Microsoft.Dynamics.CRM.In" or "Microsoft.Dynamics.CRM.NotIn":
            {
                ExpectWord("PropertyName");
                Expect(TokenKind.Equals);
                var propertyToken = Next();
                var column = _table.FindProperty(propertyToken.Text) ?? throw WebApiException.UnknownProperty(_table, propertyToken.Text);
                Expect(TokenKind.Comma);
                ExpectWord("PropertyValues");
                Expect(TokenKind.Equals);
                Expect(TokenKind.OpenBracket);
                var parameters = new List<string>();
                while (Peek().Kind != TokenKind.CloseBracket)
                {
                    parameters.Add(Parameter(Next(), column));
                    if (Peek().Kind == TokenKind.Comma)
                    {
                        _position++;
                    }
                }

                Expect(TokenKind.CloseBracket);
                Expect(TokenKind.Close);
                var not = name.Text.EndsWith("NotIn", StringComparison.Ordinal) ? "NOT " : "";
                return parameters.Count == 0 ? (not.Length > 0 ? "1=1" : "1=0") : $"{Sql.Compared(column)} {not}IN ({string.Join(", ", parameters)})";
            }

            default:
                throw WebApiException.BadQuery($"An unknown function with name '{name.Text}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.");
        }
    }

    // A text column of the record a lookup points to, e.g. contains(parentcustomerid_account/accountnumber,'US'):
    // Dataverse filters through single-valued navigation properties, and the portal's contact search does.
    private string? RelatedText(Token token)
    {
        if (token.Kind != TokenKind.Word || token.Text.Split('/') is not [var navigation, var property])
        {
            return null;
        }

        var lookup = _table.FindLookup(navigation);
        var target = lookup?.Lookup!.Target;
        var column = target?.FindColumn(property) is { Type: ColumnType.Text } text ? text
            : throw WebApiException.BadQuery($"Filtering through navigation properties ('{token.Text}') is only emulated for text columns of a lookup.");
        return $"(SELECT t.{Sql.Quote(column.LogicalName)} FROM {Sql.Quote(target!.LogicalName)} t "
            + $"WHERE t.{Sql.Quote(target.PrimaryKey.LogicalName)} = {Sql.Quote(_table.LogicalName)}.{Sql.Quote(lookup!.LogicalName)})";
    }

    // A column of the record a lookup points to compared with a literal, e.g. the invoice scope's
    // salesorderid/_msdyn_contactperson_value eq <guid>: Dataverse filters through single-valued navigation
    // properties, and the ownership rule of invoices reads the order's contact person so.
    private string? RelatedComparison(Token token)
    {
        if (token.Kind != TokenKind.Word || token.Text.Split('/') is not [var navigation, var property]
            || _table.FindLookup(navigation) is not { } lookup || Peek().Kind != TokenKind.Word
            || Peek().Text is not ("eq" or "ne"))
        {
            return null;
        }

        var target = lookup.Lookup!.Target;
        var column = target.FindProperty(property) ?? throw WebApiException.UnknownProperty(target, property);
        var sqlOperator = Next().Text == "eq" ? "=" : "<>";
        var literal = Next();
        if (literal.Kind == TokenKind.Null)
        {
            throw WebApiException.BadQuery($"Comparing '{token.Text}' with null is not emulated.");
        }

        // Unqualified names inside the subquery resolve to the target table (alias t) first.
        return $"(SELECT {Sql.Compared(column)} FROM {Sql.Quote(target.LogicalName)} t "
            + $"WHERE t.{Sql.Quote(target.PrimaryKey.LogicalName)} = {Sql.Quote(_table.LogicalName)}.{Sql.Quote(lookup.LogicalName)}) "
            + $"{sqlOperator} {Parameter(literal, column)}";
    }

    private (DualWriteColumn? Column, Token? Literal) Operand(Token token)
    {
        if (token.Kind == TokenKind.Word)
        {
            if (token.Text.Contains('/', StringComparison.Ordinal))
            {
                throw WebApiException.BadQuery($"Filtering through navigation properties ('{token.Text}') is not emulated.");
            }

            return (_table.FindProperty(token.Text) ?? throw WebApiException.UnknownProperty(_table, token.Text), null);
        }

        if (token.Kind is TokenKind.String or TokenKind.Number or TokenKind.Guid or TokenKind.Date or TokenKind.DateTime or TokenKind.Boolean or TokenKind.Null)
        {
            return (null, token);
        }

        throw WebApiException.BadQuery($"Syntax error at position {token.Position}.");
    }

    // A literal compared with the column -> the SQL parameter that holds its stored value.
    private string Parameter(Token literal, DualWriteColumn column) =>
        Sql.CompareValue(column, _parameters.Add(Values.ToStore(column, Convert(literal, column))));

    // A literal -> the typed value of the column it is compared with; Dataverse accepts quoted GUIDs for lookups.
    private static object Convert(Token literal, DualWriteColumn column)
    {
        var text = literal.Text;
        object? value = (column.Type, literal.Kind) switch
        {
            (ColumnType.Text, TokenKind.String) => text,
            (ColumnType.UniqueIdentifier or ColumnType.Lookup, TokenKind.Guid or TokenKind.String) when Guid.TryParse(text, out var g) => g,
            (ColumnType.TwoOptions, TokenKind.Boolean) => text == "true",
            (ColumnType.Money or ColumnType.DecimalNumber, TokenKind.Number) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            (ColumnType.Choice or ColumnType.WholeNumber, TokenKind.Number or TokenKind.String) when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
            (ColumnType.DateTime, TokenKind.DateTime) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime,
            (ColumnType.DateTime, TokenKind.Date) => DateTime.SpecifyKind(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
            (ColumnType.DateOnly, TokenKind.Date) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            (ColumnType.DateOnly, TokenKind.DateTime) => DateOnly.FromDateTime(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime),
            _ => null,
        };
        return value ?? throw WebApiException.BadQuery(
            $"A binary operator with incompatible types was detected. Found operand types 'Edm.{Values.EdmType(column)}' and '{literal.Kind}' for the literal '{text}'.");
    }

    private bool IsWord(string word) => Peek() is { Kind: TokenKind.Word } t && t.Text == word;

    private Token Peek() => _tokens[_position];

    private Token Next() => _tokens[Math.Min(_position++, _tokens.Count - 1)];

    private void Expect(TokenKind kind)
    {
        var token = Next();
        if (token.Kind != kind)
        {
            throw WebApiException.BadQuery($"Syntax error: expected {kind} at position {token.Position} but found '{token.Text}'.");
        }
    }

    private void ExpectWord(string word)
    {
        var token = Next();
        if (token.Kind != TokenKind.Word || token.Text != word)
        {
            throw WebApiException.BadQuery($"Syntax error: expected '{word}' at position {token.Position}.");
        }
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '(': tokens.Add(new(TokenKind.Open, "(", start)); i++; continue;
                case ')': tokens.Add(new(TokenKind.Close, ")", start)); i++; continue;
                case ',': tokens.Add(new(TokenKind.Comma, ",", start)); i++; continue;
                case '=': tokens.Add(new(TokenKind.Equals, "=", start)); i++; continue;
                case '[': tokens.Add(new(TokenKind.OpenBracket, "[", start)); i++; continue;
                case ']': tokens.Add(new(TokenKind.CloseBracket, "]", start)); i++; continue;
                case '\'' or '"':
                {
                    // '' escapes a quote inside a single-quoted literal (q-filter); In() arrays may use double quotes.
                    var value = new StringBuilder();
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            throw WebApiException.BadQuery($"There is an unterminated literal at position {start} in '{text}'.");
                        }

                        if (text[i] == c)
                        {
                            if (i + 1 < text.Length && text[i + 1] == c)
                            {
                                value.Append(c);
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        value.Append(text[i++]);
                    }

                    tokens.Add(new(TokenKind.String, value.ToString(), start));
                    continue;
                }
            }

            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-' or ':' or '/' or '+'))
            {
                i++;
            }

            if (i == start)
            {
                throw WebApiException.BadQuery($"Syntax error: character '{c}' is not valid at position {start} in '{text}'.");
            }

            var word = text[start..i];
            var kind = word switch
            {
                "null" => TokenKind.Null,
                "true" or "false" => TokenKind.Boolean,
                _ when GuidPattern().IsMatch(word) => TokenKind.Guid,
                _ when DatePattern().IsMatch(word) => TokenKind.Date,
                _ when DateTimePattern().IsMatch(word) => TokenKind.DateTime,
                _ when NumberPattern().IsMatch(word) => TokenKind.Number,
                _ => TokenKind.Word,
            };
            tokens.Add(new(kind, word, start));
        }

        tokens.Add(new(TokenKind.End, "", text.Length));
        return tokens;
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^-?\d+(\.\d+)?([eE][+-]?\d+)?$")]
    private static partial Regex NumberPattern();

    private enum TokenKind { Word, String, Number, Guid, Date, DateTime, Boolean, Null, Open, Close, Comma, Equals, OpenBracket, CloseBracket, End }

    private sealed record Token(TokenKind Kind, string Text, int Position);
}
