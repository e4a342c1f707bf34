using Quasar.Runtime.Steps;

namespace Quasar.Runtime.Planning;

/// <summary>
/// Which tensors of a frame can live in the same array: the same storage type and size, and lifetimes (first to last
/// step that touches them) that do not overlap. A ViT repeats its block shapes, so a frame needs the buffers of about
/// one block instead of every tensor's: a QUASAR-S frame shrinks from tens of MB to a working set that stays in cache.
/// </summary>
internal static class BufferSharing
{
    /// <summary>Groups of slots, each group one array; <paramref name="output"/> lives to the end of the frame.</summary>
    public static IReadOnlyList<IReadOnlyList<TensorSlot>> Groups(IReadOnlyList<IStep> steps, TensorSlot output)
    {
        var first = new Dictionary<TensorSlot, int>();
        var last = new Dictionary<TensorSlot, int>();
        for (int i = 0; i < steps.Count; i++)
        {
            foreach (var slot in steps[i].Buffers)
            {
                first.TryAdd(slot, i);
                last[slot] = i;
            }
        }
        last[output] = int.MaxValue;
        first.TryAdd(output, 0);

        var groups = new List<List<TensorSlot>>();
        var free = new Dictionary<(bool, bool, int), List<(List<TensorSlot> Group, int FreeAfter)>>();
        foreach (var slot in first.Keys.OrderBy(s => first[s]).ThenBy(s => s.Index))
        {
            var shape = (slot.IsFloat, slot.IsShort, slot.Type.ElementCount);
            if (!free.TryGetValue(shape, out var candidates)) free[shape] = candidates = [];
            int reusable = candidates.FindIndex(c => c.FreeAfter < first[slot]);
            List<TensorSlot> group;
            if (reusable >= 0)
            {
                group = candidates[reusable].Group;
                candidates.RemoveAt(reusable);
            }
            else
            {
                group = [];
                groups.Add(group);
            }
            group.Add(slot);
            candidates.Add((group, last[slot]));
        }
        return groups;
    }
}
