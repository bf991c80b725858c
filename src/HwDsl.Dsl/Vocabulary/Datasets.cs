namespace HwDsl;

/// <summary>Data sets the compiler knows; sizes given here let <c>Build()</c> check the network's shapes and output layer.</summary>
public static class Datasets
{
    /// <summary>MNIST: 1×28×28 grey digits, 10 classes.</summary>
    public static DatasetRef Mnist { get; } = new("mnist") { Classes = 10, InputSize = 784, Image = new(1, 28, 28) };

    /// <summary>Fashion-MNIST: 1×28×28 grey clothing images, 10 classes.</summary>
    public static DatasetRef FashionMnist { get; } = new("fashion-mnist") { Classes = 10, InputSize = 784, Image = new(1, 28, 28) };

    /// <summary>EMNIST balanced split: 1×28×28, 47 classes.</summary>
    public static DatasetRef EmnistBalanced { get; } = new("emnist-balanced") { Classes = 47, InputSize = 784, Image = new(1, 28, 28) };

    /// <summary>Any data set the compiler can resolve by name (sizes unknown to the DSL are not checked).</summary>
    /// <param name="name">Data set name, non-empty (HW0405).</param>
    /// <param name="classes">Class count, if known.</param>
    /// <param name="inputSize">Input features, if known (taken from <paramref name="image"/> when only that is given).</param>
    /// <param name="image">Image shape (channels × height × width), if the samples are images; Conv2d and pooling need it.</param>
    public static DatasetRef Named(string name, int? classes = null, int? inputSize = null, ImageSize? image = null) =>
        new(name) { Classes = classes, InputSize = inputSize ?? image?.Size, Image = image };
}
