namespace HwDsl.Data;

/// <summary>An IDX3 image file as read: <paramref name="Count"/> images of <paramref name="Rows"/>×<paramref name="Cols"/> bytes.</summary>
/// <param name="Count">Number of images.</param>
/// <param name="Rows">Rows per image.</param>
/// <param name="Cols">Columns per image.</param>
/// <param name="Pixels">Count×Rows×Cols pixel bytes, image-major then row-major.</param>
public sealed record IdxImages(int Count, int Rows, int Cols, byte[] Pixels)
{
    /// <summary>Pixels per image, Rows×Cols.</summary>
    public int PixelsPerImage => Rows * Cols;
}
