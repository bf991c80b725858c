namespace HwDsl;

/// <summary>The one TryBuild of every builder: <c>Build()</c> with the validation errors handed back instead of thrown.</summary>
internal static class TryBuild
{
    internal static T? Run<T>(Func<T> build, out IReadOnlyList<SpecError> errors) where T : class
    {
        try
        {
            var spec = build();
            errors = [];
            return spec;
        }
        catch (SpecException e)
        {
            errors = e.Errors;
            return null;
        }
    }
}
