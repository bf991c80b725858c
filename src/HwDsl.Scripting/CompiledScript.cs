namespace HwDsl.Scripting;

/// <summary>
/// A compiled script, as kept in the compile cache: the assembly and its PDB, the entry point Roslyn generated
/// (<c>Submission#0.&lt;Factory&gt;</c>), the files it was built from (the script and what it <c>#load</c>s), the assemblies it
/// <c>#r</c>eferences, and the parameter names it reads.
/// </summary>
public sealed record CompiledScript(
    string Path, byte[] Assembly, byte[] Pdb, string EntryType, string EntryMethod,
    IReadOnlyList<string> SourceFiles, IReadOnlyList<string> References, IReadOnlyList<string> Parameters);
