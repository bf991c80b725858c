namespace HwDsl.Reports;

/// <summary>One figure of a report: an id the browser test looks for, a title, axis labels, how many series and points it
/// draws, the SVG, and a caption that says what is shown.</summary>
public sealed record Figure(string Id, string Title, string XLabel, string YLabel, int Series, int Points, string Svg, string Caption);
