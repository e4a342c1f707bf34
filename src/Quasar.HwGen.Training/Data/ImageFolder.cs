using Quasar.HwGen.Core.Data;

namespace Quasar.HwGen.Training.Data;

/// <summary>Images of an image folder, with the class names in label order.</summary>
public sealed record ImageFolder(LabeledImages Images, IReadOnlyList<string> Classes);
