using System.Globalization;
using HwDsl.Data;

namespace HwDsl.Scripting;

/// <summary>
/// The <c>--set name=value</c> pairs of one run and the conversion of a value to what the script asks for
/// (numbers in invariant culture, booleans, enums by name, arrays comma-separated, <c>inf</c> for ∞).
/// </summary>
internal sealed class ScriptParameters(IReadOnlyDictionary<string, string> values)
{
    /// <summary>
    /// Parses every given value as each type the script reads it as, before the script runs (a value the script reads only
    /// in a branch it skips, e.g. under <c>--quick</c>, is still checked). Types the script declares itself are left to
    /// <see cref="Get{T}"/>.
    /// </summary>
    public void Check(IReadOnlyDictionary<string, string[]> types, string script)
    {
        foreach (var (name, text) in values)
        {
            if (!types.TryGetValue(name, out var names)) continue;
            foreach (var typeName in names)
            {
                if (Type.GetType(typeName, throwOnError: false) is not { } type) continue;
                try
                {
                    Convert(text, type);
                }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
                {
                    throw new ScriptException($"--set {name}={text}: not a valid {Describe(type)} ({script} reads it with Param(\"{name}\", …) as {TypeName(type)}).");
                }
            }
        }
    }

    /// <summary>The given names among <paramref name="names"/>, in order.</summary>
    public IEnumerable<string> Given(IEnumerable<string> names) => names.Where(values.ContainsKey);

    /// <summary>The value given for <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => values.GetValueOrDefault(name);

    private static string TypeName(Type t) =>
        t.IsArray ? TypeName(t.GetElementType()!) + "[]" :
        t == typeof(int) ? "int" : t == typeof(double) ? "double" : t == typeof(float) ? "float" : t == typeof(bool) ? "bool" :
        t == typeof(string) ? "string" : t == typeof(long) ? "long" : t.Name;

    public T Get<T>(string name, T fallback)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!values.TryGetValue(name, out var text)) return fallback;
        try
        {
            return (T)Convert(text, typeof(T));
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            throw new ScriptException($"--set {name}={text}: not a valid {Describe(typeof(T))}.");
        }
    }

    private static object Convert(string text, Type type)
    {
        text = text.Trim();
        if (type == typeof(string)) return text;
        if (type.IsArray)
        {
            var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (type.GetElementType() == typeof(int)) parts = [.. parts.SelectMany(ExpandRange)];
            var array = Array.CreateInstance(type.GetElementType()!, parts.Length);
            for (var i = 0; i < parts.Length; i++) array.SetValue(Convert(parts[i], type.GetElementType()!), i);
            return array;
        }
        if (Nullable.GetUnderlyingType(type) is { } inner) return Convert(text, inner);
        if (type.IsEnum) return Enum.Parse(type, text, ignoreCase: true);
        if (type == typeof(bool))
            return text.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => throw new FormatException(),
            };
        if (type == typeof(double) || type == typeof(float))
        {
            double d = text.ToLowerInvariant() switch
            {
                "inf" or "+inf" or "∞" or "infinity" => double.PositiveInfinity,
                "-inf" or "-∞" or "-infinity" => double.NegativeInfinity,
                _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            return type == typeof(float) ? (float)d : d;
        }
        return System.Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
    }

    /// <summary><c>A..B</c> → A, A+1, …, B (seeds are written this way); anything else unchanged.</summary>
    private static IEnumerable<string> ExpandRange(string part) =>
        IntegerRanges.IsRange(part) ? IntegerRanges.Expand(part).Select(v => v.ToString(CultureInfo.InvariantCulture)) : [part];

    private static string Describe(Type type) =>
        type.IsArray ? $"comma-separated list of {Describe(type.GetElementType()!)}" + (type.GetElementType() == typeof(int) ? " (or ranges A..B)" : "") :
        type.IsEnum ? $"{type.Name} (one of {string.Join(", ", Enum.GetNames(type))})" :
        type == typeof(double) || type == typeof(float) ? "number (or inf)" :
        type == typeof(int) || type == typeof(long) ? "whole number" :
        type == typeof(bool) ? "boolean (true/false)" : type.Name;
}
