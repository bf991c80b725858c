namespace HwDsl.Contracts;

/// <summary>The ways a cell can be broken.</summary>
public enum DefectKind
{
    /// <summary>An open circuit (e.g. a broken via or barrier): the cell conducts (almost) nothing.</summary>
    Open,

    /// <summary>A short (e.g. a pinhole through the barrier): the cell conducts at least as much as its on state.</summary>
    Short,

    /// <summary>Stuck at some state it cannot be programmed out of, drawn at random once per cell.</summary>
    StuckAtRandom,
}
