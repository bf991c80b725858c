namespace HwDsl.Scripting;

/// <summary>
/// A compiled script, as kept in the compile cache: the assembly and its PDB, the entry point Roslyn generated
/// (<c>Submission#0.&lt;Factory&gt;</c>), the files it was built from (the script and what it <c>#load</c>s), the assemblies it
/// <c>#r</c>eferences, and the parameter names it reads.
/// </summary>
public sealed record CompiledScript(
    string Path, byte[] Assembly, byte[] Pdb, string EntryType, string EntryMethod,
    IReadOnlyList<string> SourceFiles, IReadOnlyList<string> References, IReadOnlyList<string> Parameters)
{
    /// <summary>Per parameter name, the types its <c>Param</c> calls convert to (resolvable type names; a type the script
    /// declares itself is left out and checked when read), so every <c>--set</c> value is parsed before the script starts.</summary>
    public IReadOnlyDictionary<string, string[]> ParameterTypes { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Names read only where <c>Quick</c> is false: under <c>--quick</c> their <c>--set</c> value has no effect.</summary>
    public IReadOnlyList<string> QuickOverridden { get; init; } = [];
}
