namespace HwDsl;

/// <summary>Data sets the compiler knows; sizes given here let <c>Build()</c> check the output layer.</summary>
public static class Datasets
{
    /// <summary>MNIST: 28x28 grey digits, 10 classes.</summary>
    public static DatasetRef Mnist { get; } = new("mnist") { Classes = 10, InputSize = 784 };

    /// <summary>Fashion-MNIST: 28x28 grey clothing images, 10 classes.</summary>
    public static DatasetRef FashionMnist { get; } = new("fashion-mnist") { Classes = 10, InputSize = 784 };

    /// <summary>EMNIST balanced split: 28x28, 47 classes.</summary>
    public static DatasetRef EmnistBalanced { get; } = new("emnist-balanced") { Classes = 47, InputSize = 784 };

    /// <summary>Any data set the compiler can resolve by name (sizes unknown to the DSL, so not checked).</summary>
    /// <param name="name">Data set name, non-empty (HW0405).</param>
    /// <param name="classes">Class count, if known.</param>
    /// <param name="inputSize">Input features, if known.</param>
    public static DatasetRef Named(string name, int? classes = null, int? inputSize = null) =>
        new(name) { Classes = classes, InputSize = inputSize };
}
