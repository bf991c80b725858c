using System.Globalization;
using System.Runtime.CompilerServices;

namespace HwDsl.Kernels.Tests;

/// <summary>
/// <c>Assert.True(condition, message)</c> for checks inside loops over every element: the interpolated message is
/// formatted only when the check fails. Formatting it eagerly for each of the ~10⁷ elements the mapper and quantizer
/// tests check was most of the kernel tests' run time.
/// </summary>
internal static class Expect
{
    public static void True(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage message)
    {
        if (!condition) Assert.Fail(message.ToStringAndClear());
    }
}

/// <summary>An interpolated string that is built only when its condition is false.</summary>
[InterpolatedStringHandler]
internal ref struct FailureMessage
{
    private DefaultInterpolatedStringHandler _text;

    public FailureMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        _text = condition ? default : new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public string ToStringAndClear() => _text.ToStringAndClear();
}
