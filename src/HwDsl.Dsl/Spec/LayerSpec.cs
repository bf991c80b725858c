namespace HwDsl;

/// <summary>One item of a network: <see cref="DenseSpec"/>, <see cref="Conv2dSpec"/>, <see cref="PoolSpec"/>, <see cref="FlattenSpec"/> or <see cref="ActivationSpec"/>.</summary>
public abstract record LayerSpec;
