namespace HwDsl;

/// <summary>One item of a network: a <see cref="DenseSpec"/> or an <see cref="ActivationSpec"/>.</summary>
public abstract record LayerSpec;
