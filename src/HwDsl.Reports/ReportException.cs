namespace HwDsl.Reports;

/// <summary>A folder the report cannot be made from; the message is one line naming the file and what is wrong.</summary>
public sealed class ReportException(string message) : Exception(message);
