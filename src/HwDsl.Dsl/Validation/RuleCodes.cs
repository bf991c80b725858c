namespace HwDsl;

/// <summary>
/// Stable codes of the validation rules, checked by <c>Build()</c> (also listed in RULES.md).
/// HW01xx hardware, HW02xx network, HW03xx training, HW04xx evaluation and experiment, HW05xx defects and dies, HW06xx cores, HW07xx rounding, HW08xx periphery and time.
/// <list type="table">
/// <item><term>HW0101</term><description>unknown preset name</description></item>
/// <item><term>HW0102</term><description>OnOffRatio must be &gt; 1 or +∞ (NaN refused)</description></item>
/// <item><term>HW0103</term><description>WeightBits must be 1..16</description></item>
/// <item><term>HW0104</term><description>InputBits must be 1..16 (or unset = float)</description></item>
/// <item><term>HW0105</term><description>ActivationBits must be 1..16 (or unset = float)</description></item>
/// <item><term>HW0106</term><description>Asymmetry must satisfy -1 &lt; a &lt; 1</description></item>
/// <item><term>HW0107</term><description>NonLinearity must be finite with |nu| ≤ 20</description></item>
/// <item><term>HW0108</term><description>NegativeElement.OnOffRatio must be &gt; 1 or +∞</description></item>
/// <item><term>HW0109</term><description>NegativeElement.NonLinearity must be finite with |nu| ≤ 20</description></item>
/// <item><term>HW0110</term><description>Device name must be non-empty</description></item>
/// <item><term>HW0111</term><description>WeightRange.Fixed must be finite and &gt; 0; the range must not be null</description></item>
/// <item><term>HW0112</term><description>ProgrammingNoise sigma must be in [0, 0.5]</description></item>
/// <item><term>HW0113</term><description>ReadNoise sigma must be in [0, 0.5]</description></item>
/// <item><term>HW0120</term><description>per-layer override names a Dense layer that does not exist</description></item>
/// <item><term>HW0121</term><description>ActivationBits on a layer whose activation is not ClippedRelu or Sign (Relu is unbounded, Tanh signed, none is linear)</description></item>
/// <item><term>HW0122</term><description>ActivationBits set on the last layer (its output is the logits)</description></item>
/// <item><term>HW0130</term><description>an analog parameter set on a scope that also declares Digital()</description></item>
/// <item><term>HW0131</term><description>Asymmetry or NegativeElement on a single element with reference (there is no G-)</description></item>
/// <item><term>HW0140</term><description>DevicePreset name must be non-empty</description></item>
/// <item><term>HW0141</term><description>DeviceParameter needs a non-empty name and a finite value</description></item>
/// <item><term>HW0142</term><description>unknown device model (the compiler lists the known ones)</description></item>
/// <item><term>HW0143</term><description>unknown preset of the layer's device (the compiler lists its presets)</description></item>
/// <item><term>HW0144</term><description>unknown parameter of the layer's device (the compiler lists its parameters)</description></item>
/// <item><term>HW0145</term><description>device parameter (from the script or a preset) outside its declared range</description></item>
/// <item><term>HW0146</term><description>WeightBits above what the device can hold (e.g. 1 for a binary MTJ)</description></item>
/// <item><term>HW0147</term><description>evaluation read time At(...) must be finite and ≥ 0</description></item>
/// <item><term>HW0200</term><description>network has no Dense layer</description></item>
/// <item><term>HW0201</term><description>Dense units must be 1..65536</description></item>
/// <item><term>HW0202</term><description>network must end with a Dense layer (softmax cross-entropy follows it), not an activation, Conv2d, pool or Flatten()</description></item>
/// <item><term>HW0203</term><description>network must start with a layer, not an activation</description></item>
/// <item><term>HW0204</term><description>two activations in a row</description></item>
/// <item><term>HW0205</term><description>last Dense layer's units differ from the data set's class count</description></item>
/// <item><term>HW0206</term><description>Conv2d channels must be 1..65536</description></item>
/// <item><term>HW0207</term><description>Conv2d kernel must be ≥ 1</description></item>
/// <item><term>HW0208</term><description>Conv2d stride must be ≥ 1</description></item>
/// <item><term>HW0209</term><description>Conv2d padding must be in 0..kernel − 1</description></item>
/// <item><term>HW0210</term><description>pool size must be ≥ 1 and its stride in 1..size</description></item>
/// <item><term>HW0211</term><description>Conv2d kernel larger than its padded input</description></item>
/// <item><term>HW0212</term><description>pool window larger than its input (it leaves nothing)</description></item>
/// <item><term>HW0213</term><description>pool windows do not tile the input: (side − size) not divisible by the stride</description></item>
/// <item><term>HW0214</term><description>Dense after a Conv2d or pooling layer without Flatten() between them</description></item>
/// <item><term>HW0215</term><description>Conv2d, a pool or Flatten() after Flatten() or Dense (the values are no longer an image)</description></item>
/// <item><term>HW0216</term><description>Conv2d or a pool on a data set that declares no image shape</description></item>
/// <item><term>HW0217</term><description>activation right after Flatten() (put it before Flatten)</description></item>
/// <item><term>HW0218</term><description>data set image shape: channels, height, width ≥ 1 and C·H·W = InputSize</description></item>
/// <item><term>HW0219</term><description>a layer's output holds more than 2²⁴ values per sample</description></item>
/// <item><term>HW0301</term><description>learning rate must be finite and &gt; 0</description></item>
/// <item><term>HW0302</term><description>momentum must be in [0, 1)</description></item>
/// <item><term>HW0303</term><description>weight decay must be finite and ≥ 0</description></item>
/// <item><term>HW0304</term><description>epochs must be ≥ 1</description></item>
/// <item><term>HW0305</term><description>batch must be ≥ 1</description></item>
/// <item><term>HW0306</term><description>Step schedule: gamma in (0, 1], every ≥ 1; schedule not null</description></item>
/// <item><term>HW0307</term><description>relaxation: sigmoid beta from/to finite and &gt; 0, to ≥ from; SigmoidThenSte steFrom in [1, epochs − 1]; relaxation not null</description></item>
/// <item><term>HW0308</term><description>NaiveMapping or HardwareAware with every layer digital (nothing to map)</description></item>
/// <item><term>HW0309</term><description>NaiveMapping or HardwareAware with no hardware declared</description></item>
/// <item><term>HW0310</term><description>WeightRange.Learned on an analog layer without HardwareAware training</description></item>
/// <item><term>HW0401</term><description>evaluation samples must be ≥ 1</description></item>
/// <item><term>HW0402</term><description>samples &gt; 1 but no layer has programming or read noise (every draw is the same)</description></item>
/// <item><term>HW0403</term><description>samples &gt; 1 in Float mode (evaluated once, in float)</description></item>
/// <item><term>HW0404</term><description>experiment name must be non-empty</description></item>
/// <item><term>HW0405</term><description>data set name must be non-empty</description></item>
/// <item><term>HW0406</term><description>an experiment without a data set (F# <c>experiment { }</c>; C# staging makes it impossible)</description></item>
/// <item><term>HW0407</term><description>a layer's weights or activations exceed one array, or the network the memory limit</description></item>
/// <item><term>HW0501</term><description>a fixed defect rate must be in [0, 1]</description></item>
/// <item><term>HW0502</term><description>Dist.Beta needs 0 &lt; mean &lt; 1 and 0 &lt; sd² &lt; mean(1 − mean)</description></item>
/// <item><term>HW0503</term><description>the mean defect rates of a layer add up to more than 1</description></item>
/// <item><term>HW0504</term><description>DeviceToDevice sigma must be in [0, 0.5]</description></item>
/// <item><term>HW0505</term><description>Binary, Defects or DeviceToDevice set on a scope that also declares Digital()</description></item>
/// <item><term>HW0506</term><description>Defects, DeviceToDevice or OnDies without binary weights (defects are compiled for binary weights only)</description></item>
/// <item><term>HW0507</term><description>OnDies needs 1..100000 dies</description></item>
/// <item><term>HW0508</term><description>OnDies in Float mode (evaluated once, in software)</description></item>
/// <item><term>HW0509</term><description>WeightBits other than 1 set explicitly beside Binary()</description></item>
/// <item><term>HW0510</term><description>PerDie(i) without an evaluation population, or i outside it</description></item>
/// <item><term>HW0511</term><description>StatisticsAware everyBatches must be ≥ 1</description></item>
/// <item><term>HW0512</term><description>OnDies(Dies.Sample(...)) without Defects or DeviceToDevice (every die the same)</description></item>
/// <item><term>HW0513</term><description>StatisticsAware without Defects or DeviceToDevice (nothing to sample)</description></item>
/// <item><term>HW0514</term><description>ProgrammingNoise, ReadNoise, Asymmetry, NegativeElement or a WeightRange other than MaxAbs set on binary weights (not modelled there; use DeviceToDevice; binary layers learn their own scale)</description></item>
/// <item><term>HW0520</term><description>die map file missing or unreadable</description></item>
/// <item><term>HW0521</term><description>die map header must name the columns layer,row,column,state (optional element, value)</description></item>
/// <item><term>HW0522</term><description>die map line with the wrong number of fields or a field that is not a number</description></item>
/// <item><term>HW0523</term><description>unknown device state (allowed: ok, open, short, stuck)</description></item>
/// <item><term>HW0524</term><description>die map layer index outside the network's binary layers</description></item>
/// <item><term>HW0525</term><description>die map row or column outside the layer's array (shape mismatch with the network)</description></item>
/// <item><term>HW0526</term><description>die map element must be p or n (n only on a differential pair)</description></item>
/// <item><term>HW0527</term><description>the same device listed twice in a die map</description></item>
/// <item><term>HW0528</term><description>die map value out of range (ok: variation factor ≥ 0; stuck: level fraction in [0, 1])</description></item>
/// <item><term>HW0601</term><description>core image: width and height ≥ 1, width × height = the data set's inputs</description></item>
/// <item><term>HW0602</term><description>core windows: size 1..min(width, height), stride ≥ 1, inside the image, all the same size</description></item>
/// <item><term>HW0603</term><description>a core has at most 256 axons (fan-in × source width)</description></item>
/// <item><term>HW0604</term><description>a core has 1..256 neurons</description></item>
/// <item><term>HW0605</term><description>fan-in must be ≥ 1 and divide the sources (windows or cores) below the layer</description></item>
/// <item><term>HW0606</term><description>readout: perClass ≥ 1, known class count, last layer's neurons = classes × perClass, perClass a multiple of the last layer's cores</description></item>
/// <item><term>HW0607</term><description>axon types: 1..4 integer weights in [−255, 255], not all zero</description></item>
/// <item><term>HW0608</term><description>neuron threshold must be an integer in 1..255</description></item>
/// <item><term>HW0609</term><description>time steps 1..1024, more than one only with stochastic encoding; encoding threshold in (0, 1]</description></item>
/// <item><term>HW0610</term><description>a core experiment needs data, a network, windows, a layer</description></item>
/// <item><term>HW0611</term><description>core training: learning rate finite &gt; 0, epochs ≥ 1, batch ≥ 1, shift 0..8 pixels</description></item>
/// <item><term>HW0612</term><description>core training: smoothing σ₀ and readout scale finite and &gt; 0; hard hidden and output spikes only with LearnedBinary</description></item>
/// <item><term>HW0613</term><description>ensemble sizes must be 1..1024</description></item>
/// <item><term>HW0701</term><description>Rounding.Stochastic together with programming or read noise (not modelled)</description></item>
/// <item><term>HW0702</term><description>Rounding.Stochastic in Float mode (nothing is deployed)</description></item>
/// <item><term>HW0801</term><description>Adc bits must be 2..16</description></item>
/// <item><term>HW0802</term><description>AdcRange.Fixed needs a finite bound &gt; 0; the range must not be null</description></item>
/// <item><term>HW0803</term><description>AdcRange.Calibrated percentile must be in (50, 100]</description></item>
/// <item><term>HW0804</term><description>OutputNoise sigma must be in [0, 10] (units of Gmax × full-scale input)</description></item>
/// <item><term>HW0805</term><description>ReadNoisePerMvm sigma must be in [0, 0.5]</description></item>
/// <item><term>HW0806</term><description>IrDrop wire must be in [0, 0.01] (r·Gmax)</description></item>
/// <item><term>HW0807</term><description>IrDrop on binary weights (modelled on multi-level layers only)</description></item>
/// <item><term>HW0808</term><description>InputRange.Fixed / Learned need a finite bound &gt; 0</description></item>
/// <item><term>HW0810</term><description>NoiseAware scale must be in (0, 10]</description></item>
/// <item><term>HW0811</term><description>NoiseAware at must be finite and ≥ 0</description></item>
/// <item><term>HW0812</term><description>NoiseAware with nothing to inject (no layer has programming, read or per-MVM noise, of its own or its device's)</description></item>
/// <item><term>HW0820</term><description>OverTime needs finite times ≥ 0 in ascending order</description></item>
/// <item><term>HW0821</term><description>OverTime in Float mode (nothing is programmed)</description></item>
/// <item><term>HW0822</term><description>OverTime together with OnDies</description></item>
/// <item><term>HW0823</term><description>DriftCompensation in Float mode (nothing is programmed)</description></item>
/// <item><term>HW0824</term><description>OverTime together with At (OverTime reads at its own times)</description></item>
/// <item><term>HW0901</term><description>a cost constant must be finite and &gt; 0</description></item>
/// <item><term>HW0902</term><description>ColumnsPerAdc, UndeclaredAdcBits and UndeclaredInputBits must be whole numbers in their ranges</description></item>
/// <item><term>HW0903</term><description>Technology needs a preset that gives every cost constant</description></item>
/// <item><term>HW0904</term><description>TileSchedule must be Parallel or Sequential</description></item>
/// </list>
/// </summary>
public static class RuleCodes
{
    /// <summary>HW0101: unknown preset name.</summary>
    public const string UnknownPreset = "HW0101";

    /// <summary>HW0102: OnOffRatio must be &gt; 1 or +∞ (NaN refused).</summary>
    public const string OnOffRatio = "HW0102";

    /// <summary>HW0103: WeightBits must be 1..16.</summary>
    public const string WeightBits = "HW0103";

    /// <summary>HW0104: InputBits must be 1..16 (or unset = float).</summary>
    public const string InputBits = "HW0104";

    /// <summary>HW0105: ActivationBits must be 1..16 (or unset = float).</summary>
    public const string ActivationBits = "HW0105";

    /// <summary>HW0106: Asymmetry must satisfy -1 &lt; a &lt; 1.</summary>
    public const string Asymmetry = "HW0106";

    /// <summary>HW0107: NonLinearity must be finite with |nu| ≤ 20.</summary>
    public const string NonLinearity = "HW0107";

    /// <summary>HW0108: NegativeElement.OnOffRatio must be &gt; 1 or +∞.</summary>
    public const string NegativeOnOffRatio = "HW0108";

    /// <summary>HW0109: NegativeElement.NonLinearity must be finite with |nu| ≤ 20.</summary>
    public const string NegativeNonLinearity = "HW0109";

    /// <summary>HW0110: Device name must be non-empty.</summary>
    public const string Device = "HW0110";

    /// <summary>HW0111: WeightRange.Fixed must be finite and &gt; 0; the range must not be null.</summary>
    public const string WeightRange = "HW0111";

    /// <summary>HW0112: ProgrammingNoise sigma must be in [0, 0.5].</summary>
    public const string ProgrammingNoise = "HW0112";

    /// <summary>HW0113: ReadNoise sigma must be in [0, 0.5].</summary>
    public const string ReadNoise = "HW0113";

    /// <summary>HW0120: per-layer override names a Dense layer that does not exist.</summary>
    public const string LayerIndex = "HW0120";

    /// <summary>HW0121: ActivationBits on a layer whose activation is not ClippedRelu or Sign (Relu is unbounded, Tanh signed, none is linear).</summary>
    public const string ActivationBitsNeedBoundedActivation = "HW0121";

    /// <summary>HW0122: ActivationBits set on the last layer (its output is the logits).</summary>
    public const string ActivationBitsOnLastLayer = "HW0122";

    /// <summary>HW0130: an analog parameter set on a scope that also declares Digital().</summary>
    public const string AnalogParameterOnDigital = "HW0130";

    /// <summary>HW0131: Asymmetry or NegativeElement on a single element with reference (there is no G-).</summary>
    public const string NoNegativeElement = "HW0131";

    /// <summary>HW0200: network has no Dense layer.</summary>
    public const string EmptyNetwork = "HW0200";

    /// <summary>HW0201: Dense units must be 1..65536.</summary>
    public const string DenseUnits = "HW0201";

    /// <summary>HW0202: network must end with a Dense layer (softmax cross-entropy follows it), not an activation, Conv2d, pool or Flatten().</summary>
    public const string EndsWithActivation = "HW0202";

    /// <summary>HW0203: network must start with a layer, not an activation.</summary>
    public const string StartsWithActivation = "HW0203";

    /// <summary>HW0204: two activations in a row.</summary>
    public const string ActivationAfterActivation = "HW0204";

    /// <summary>HW0205: last Dense layer's units differ from the data set's class count.</summary>
    public const string OutputUnits = "HW0205";

    /// <summary>HW0206: Conv2d channels must be 1..65536.</summary>
    public const string ConvChannels = "HW0206";

    /// <summary>HW0207: Conv2d kernel must be ≥ 1.</summary>
    public const string ConvKernel = "HW0207";

    /// <summary>HW0208: Conv2d stride must be ≥ 1.</summary>
    public const string ConvStride = "HW0208";

    /// <summary>HW0209: Conv2d padding must be in 0..kernel − 1.</summary>
    public const string ConvPadding = "HW0209";

    /// <summary>HW0210: pool size must be ≥ 1 and its stride in 1..size.</summary>
    public const string PoolWindow = "HW0210";

    /// <summary>HW0211: Conv2d kernel larger than its padded input.</summary>
    public const string KernelLargerThanInput = "HW0211";

    /// <summary>HW0212: pool window larger than its input (it leaves nothing).</summary>
    public const string PoolLargerThanInput = "HW0212";

    /// <summary>HW0213: pool windows do not tile the input: (side − size) not divisible by the stride.</summary>
    public const string PoolDoesNotTile = "HW0213";

    /// <summary>HW0214: Dense after a Conv2d or pooling layer without Flatten() between them.</summary>
    public const string DenseAfterImage = "HW0214";

    /// <summary>HW0215: Conv2d, a pool or Flatten() after Flatten() or Dense (the values are no longer an image).</summary>
    public const string ImageLayerAfterFlat = "HW0215";

    /// <summary>HW0216: Conv2d or a pool on a data set that declares no image shape.</summary>
    public const string NoImageShape = "HW0216";

    /// <summary>HW0217: activation right after Flatten() (put it before Flatten).</summary>
    public const string ActivationAfterFlatten = "HW0217";

    /// <summary>HW0218: data set image shape: channels, height, width ≥ 1 and C·H·W = InputSize.</summary>
    public const string DatasetImage = "HW0218";

    /// <summary>HW0219: a layer's output holds more than 2²⁴ values per sample.</summary>
    public const string FeatureMapTooLarge = "HW0219";

    /// <summary>HW0301: learning rate must be finite and &gt; 0.</summary>
    public const string LearningRate = "HW0301";

    /// <summary>HW0302: momentum must be in [0, 1).</summary>
    public const string Momentum = "HW0302";

    /// <summary>HW0303: weight decay must be finite and ≥ 0.</summary>
    public const string WeightDecay = "HW0303";

    /// <summary>HW0304: epochs must be ≥ 1.</summary>
    public const string Epochs = "HW0304";

    /// <summary>HW0305: batch must be ≥ 1.</summary>
    public const string Batch = "HW0305";

    /// <summary>HW0306: Step schedule: gamma in (0, 1], every ≥ 1; schedule not null.</summary>
    public const string Schedule = "HW0306";

    /// <summary>HW0307: relaxation: sigmoid beta from/to finite and &gt; 0, to ≥ from; SigmoidThenSte steFrom in [1, epochs − 1]; relaxation not null.</summary>
    public const string Relaxation = "HW0307";

    /// <summary>HW0308: NaiveMapping or HardwareAware with every layer digital (nothing to map).</summary>
    public const string NothingToMap = "HW0308";

    /// <summary>HW0309: NaiveMapping or HardwareAware (the default mode) with no hardware declared; declare it with
    /// <c>On(Hardware.DifferentialPair())</c> (its defaults) or train <c>Float()</c>.</summary>
    public const string NoHardware = "HW0309";

    /// <summary>HW0310: WeightRange.Learned on an analog layer without HardwareAware training (nothing trains the range).</summary>
    public const string LearnedRangeNeedsTraining = "HW0310";

    /// <summary>HW0401: evaluation samples must be ≥ 1.</summary>
    public const string Samples = "HW0401";

    /// <summary>HW0402: samples &gt; 1 but no layer has programming or read noise (every draw is the same).</summary>
    public const string SamplesWithoutNoise = "HW0402";

    /// <summary>HW0403: samples &gt; 1 in Float mode (evaluated once, in float).</summary>
    public const string SamplesInFloatMode = "HW0403";

    /// <summary>HW0404: experiment name must be non-empty.</summary>
    public const string Name = "HW0404";

    /// <summary>HW0405: data set name must be non-empty.</summary>
    public const string DatasetName = "HW0405";

    /// <summary>HW0406: an experiment without a data set (F# <c>experiment { }</c> has no staging to prevent it).</summary>
    public const string MissingData = "HW0406";

    /// <summary>HW0407: a layer's weights or activations exceed one array, or the network exceeds the memory the process may
    /// use (checked by the runner against the data set's input width, before anything is allocated).</summary>
    public const string NetworkSize = "HW0407";

    /// <summary>HW0140: DevicePreset name must be non-empty.</summary>
    public const string DevicePresetName = "HW0140";

    /// <summary>HW0141: DeviceParameter needs a non-empty name and a finite value.</summary>
    public const string DeviceParameterValue = "HW0141";

    /// <summary>HW0142: unknown device model (the compiler lists the known ones).</summary>
    public const string UnknownDevice = "HW0142";

    /// <summary>HW0143: unknown preset of the layer's device (the compiler lists its presets).</summary>
    public const string UnknownDevicePreset = "HW0143";

    /// <summary>HW0144: unknown parameter of the layer's device (the compiler lists its parameters).</summary>
    public const string UnknownDeviceParameter = "HW0144";

    /// <summary>HW0145: device parameter (from the script or a preset) outside its declared range.</summary>
    public const string DeviceParameterRange = "HW0145";

    /// <summary>HW0146: WeightBits above what the device can hold (e.g. 1 for a binary MTJ).</summary>
    public const string DeviceBits = "HW0146";

    /// <summary>HW0147: evaluation read time At(...) must be finite and ≥ 0.</summary>
    public const string ReadTime = "HW0147";

    /// <summary>HW0148: the device gives no usable binary states (G(1) must exceed G(0)); a fault of the device model.</summary>
    public const string DeviceBinaryStates = "HW0148";

    /// <summary>HW0149: the device's level table is invalid at the layer's bits (not finite, not monotone, outside [Gmin, Gmax], fewer than 2 levels); a fault of the device model.</summary>
    public const string DeviceLevels = "HW0149";

    /// <summary>HW0150: TileSize needs 1..4096 rows × 1..4096 columns.</summary>
    public const string TileSize = "HW0150";

    /// <summary>HW0151: ColumnGainError sigma must be in [0, 0.5].</summary>
    public const string ColumnGainError = "HW0151";
    /// <summary>HW0501: a fixed defect rate must be in [0, 1].</summary>
    public const string DefectRate = "HW0501";

    /// <summary>HW0502: Dist.Beta needs 0 &lt; mean &lt; 1 and 0 &lt; sd² &lt; mean(1 − mean).</summary>
    public const string BetaRate = "HW0502";

    /// <summary>HW0503: the mean defect rates of a layer add up to more than 1.</summary>
    public const string DefectRateSum = "HW0503";

    /// <summary>HW0504: DeviceToDevice sigma must be in [0, 0.5].</summary>
    public const string DeviceToDevice = "HW0504";

    /// <summary>HW0505: Binary, Defects or DeviceToDevice set on a scope that also declares Digital().</summary>
    public const string DefectsOnDigital = "HW0505";

    /// <summary>HW0506: Defects, DeviceToDevice or OnDies without binary weights (defects are compiled for binary weights only).</summary>
    public const string DefectsNeedBinary = "HW0506";

    /// <summary>HW0507: OnDies needs 1..100000 dies.</summary>
    public const string DieCount = "HW0507";

    /// <summary>HW0508: OnDies in Float mode (evaluated once, in software).</summary>
    public const string DiesInFloatMode = "HW0508";

    /// <summary>HW0509: WeightBits other than 1 set explicitly beside Binary().</summary>
    public const string BinaryWeightBits = "HW0509";

    /// <summary>HW0510: PerDie(i) without an evaluation population, or i outside it.</summary>
    public const string PerDieIndex = "HW0510";

    /// <summary>HW0511: StatisticsAware everyBatches must be ≥ 1.</summary>
    public const string EveryBatches = "HW0511";

    /// <summary>HW0512: OnDies(Dies.Sample(...)) without Defects or DeviceToDevice (every die the same).</summary>
    public const string DiesWithoutDefects = "HW0512";

    /// <summary>HW0513: StatisticsAware without Defects or DeviceToDevice (nothing to sample).</summary>
    public const string DieTrainingWithoutDefects = "HW0513";

    /// <summary>HW0514: ProgrammingNoise, ReadNoise, Asymmetry, NegativeElement or a WeightRange other than MaxAbs set on binary weights (not modelled there; use DeviceToDevice; binary layers learn their own scale).</summary>
    public const string NotModelledOnBinary = "HW0514";

    /// <summary>HW0520: die map file missing or unreadable.</summary>
    public const string DieMapFile = "HW0520";

    /// <summary>HW0521: die map header must name the columns layer,row,column,state (optional element, value).</summary>
    public const string DieMapHeader = "HW0521";

    /// <summary>HW0522: die map line with the wrong number of fields or a field that is not a number.</summary>
    public const string DieMapSyntax = "HW0522";

    /// <summary>HW0523: unknown device state (allowed: ok, open, short, stuck).</summary>
    public const string DieMapState = "HW0523";

    /// <summary>HW0524: die map layer index outside the network's binary layers.</summary>
    public const string DieMapLayer = "HW0524";

    /// <summary>HW0525: die map row or column outside the layer's array (shape mismatch with the network).</summary>
    public const string DieMapIndex = "HW0525";

    /// <summary>HW0526: die map element must be p or n (n only on a differential pair).</summary>
    public const string DieMapElement = "HW0526";

    /// <summary>HW0527: the same device listed twice in a die map.</summary>
    public const string DieMapDuplicate = "HW0527";

    /// <summary>HW0528: die map value out of range (ok: variation factor ≥ 0; stuck: level fraction in [0, 1]).</summary>
    public const string DieMapValue = "HW0528";

    /// <summary>HW0601: core image: width and height ≥ 1, width × height = the data set's inputs.</summary>
    public const string CoreImage = "HW0601";

    /// <summary>HW0602: core windows: size 1..min(width, height), stride ≥ 1, inside the image, all the same size.</summary>
    public const string CoreWindow = "HW0602";

    /// <summary>HW0603: a core has at most 256 axons (fan-in × source width).</summary>
    public const string CoreAxons = "HW0603";

    /// <summary>HW0604: a core has 1..256 neurons.</summary>
    public const string CoreNeurons = "HW0604";

    /// <summary>HW0605: fan-in must be ≥ 1 and divide the sources (windows or cores) below the layer.</summary>
    public const string CoreFanIn = "HW0605";

    /// <summary>HW0606: readout: perClass ≥ 1, known class count, last layer's neurons = classes × perClass, perClass a multiple of the last layer's cores.</summary>
    public const string CoreReadout = "HW0606";

    /// <summary>HW0607: axon types: 1..4 integer weights in [−255, 255], not all zero.</summary>
    public const string AxonTypes = "HW0607";

    /// <summary>HW0608: neuron threshold must be an integer in 1..255.</summary>
    public const string CoreThreshold = "HW0608";

    /// <summary>HW0609: time steps 1..1024, more than one only with stochastic encoding; encoding threshold in (0, 1].</summary>
    public const string TimeSteps = "HW0609";

    /// <summary>HW0610: a core experiment needs data, a network, windows, a layer.</summary>
    public const string CoreMissing = "HW0610";

    /// <summary>HW0611: core training: learning rate finite &gt; 0, epochs ≥ 1, batch ≥ 1, shift 0..8 pixels.</summary>
    public const string CoreTraining = "HW0611";

    /// <summary>HW0612: core training: smoothing σ₀ and readout scale finite and &gt; 0; hard hidden and output spikes only with LearnedBinary.</summary>
    public const string CoreSmoothing = "HW0612";

    /// <summary>HW0613: ensemble sizes must be 1..1024.</summary>
    public const string Ensembles = "HW0613";

    /// <summary>HW0701: Rounding.Stochastic together with programming or read noise (not modelled).</summary>
    public const string StochasticRoundingWithNoise = "HW0701";

    /// <summary>HW0702: Rounding.Stochastic in Float mode (nothing is deployed).</summary>
    public const string RoundingInFloatMode = "HW0702";

    /// <summary>HW0801: Adc bits must be 2..16.</summary>
    public const string AdcBits = "HW0801";

    /// <summary>HW0802: AdcRange.Fixed needs a finite bound &gt; 0; the range must not be null.</summary>
    public const string AdcRange = "HW0802";

    /// <summary>HW0803: AdcRange.Calibrated percentile must be in (50, 100].</summary>
    public const string AdcPercentile = "HW0803";

    /// <summary>HW0804: OutputNoise sigma must be in [0, 10] (units of Gmax × full-scale input).</summary>
    public const string OutputNoise = "HW0804";

    /// <summary>HW0805: ReadNoisePerMvm sigma must be in [0, 0.5].</summary>
    public const string ReadNoisePerMvm = "HW0805";

    /// <summary>HW0806: IrDrop wire must be in [0, 0.01] (r·Gmax).</summary>
    public const string IrDrop = "HW0806";

    /// <summary>HW0807: IrDrop on binary weights (modelled on multi-level layers only).</summary>
    public const string IrDropOnBinary = "HW0807";

    /// <summary>HW0808: InputRange.Fixed / Learned need a finite bound &gt; 0.</summary>
    public const string InputRange = "HW0808";

    /// <summary>HW0810: NoiseAware scale must be in (0, 10].</summary>
    public const string NoiseAwareScale = "HW0810";

    /// <summary>HW0811: NoiseAware at must be finite and ≥ 0.</summary>
    public const string NoiseAwareTime = "HW0811";

    /// <summary>HW0812: NoiseAware with nothing to inject (no layer has programming, read or per-MVM noise, of its own or its device's).</summary>
    public const string NoiseAwareWithoutNoise = "HW0812";

    /// <summary>HW0820: OverTime needs finite times ≥ 0 in ascending order.</summary>
    public const string OverTimeTimes = "HW0820";

    /// <summary>HW0821: OverTime in Float mode (nothing is programmed).</summary>
    public const string OverTimeInFloatMode = "HW0821";

    /// <summary>HW0822: OverTime together with OnDies.</summary>
    public const string OverTimeWithDies = "HW0822";

    /// <summary>HW0823: DriftCompensation in Float mode (nothing is programmed).</summary>
    public const string DriftCompensationInFloatMode = "HW0823";

    /// <summary>HW0824: OverTime together with At (OverTime reads at its own times).</summary>
    public const string OverTimeWithAt = "HW0824";

    /// <summary>HW0901: a cost constant must be finite and &gt; 0.</summary>
    public const string CostValue = "HW0901";

    /// <summary>HW0902: ColumnsPerAdc, UndeclaredAdcBits and UndeclaredInputBits must be whole numbers in their ranges.</summary>
    public const string CostWhole = "HW0902";

    /// <summary>HW0903: Technology needs a preset that gives every cost constant.</summary>
    public const string CostTechnology = "HW0903";

    /// <summary>HW0904: TileSchedule must be Parallel or Sequential.</summary>
    public const string CostSchedule = "HW0904";
}
