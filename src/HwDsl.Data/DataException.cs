namespace HwDsl.Data;

/// <summary>
/// The one exception type of HwDsl.Data: a data file is missing, malformed or not the expected file,
/// or a data set cannot be fetched. The message names the file (or folder) and says what to do.
/// </summary>
public sealed class DataException : Exception
{
    /// <summary>Creates the exception with a message that names the file and the problem.</summary>
    public DataException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DataException(string message, Exception innerException) : base(message, innerException) { }
}
