namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// The ZCU102 platform's common image (xilinx-zynqmp-common-v20xx.x, downloaded from AMD beside the platform): the
/// root file system and Linux kernel image that v++ -p puts on a bootable SD card.
/// </summary>
internal sealed record CommonImage(string Rootfs, string Kernel)
{
    public static CommonImage Of(string folder)
    {
        var rootfs = Path.Combine(folder, "rootfs.ext4");
        var kernel = Path.Combine(folder, "Image");
        foreach (var file in new[] { rootfs, kernel })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"--rootfs {folder}: {Path.GetFileName(file)} is missing; give the platform's common image folder (xilinx-zynqmp-common-v20xx.x, after its sdk.sh), which holds rootfs.ext4 and Image", file);
            }
        }
        return new CommonImage(rootfs, kernel);
    }
}
