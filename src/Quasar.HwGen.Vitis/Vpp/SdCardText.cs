namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>The text files the SD card carries: xrt.ini, the run script and the README naming each file.</summary>
public static class SdCardText
{
    /// <summary>XRT's settings, read from the working directory: runtime messages on the console, where the run script shows them.</summary>
    public const string XrtIni = "[Runtime]\nruntime_log=console\n";

    public static string RunScript(string xclbin) => $$"""
        #!/bin/sh
        # Runs the model on the FPGA of this ZCU102 (README.txt). Arguments go to quasar-run; without any, 100 random
        # images. Examples: ./run.sh --images /home/root/images    ./run.sh --random 1000 --frames 2
        set -e
        cd "$(dirname "$0")"
        if [ $# -eq 0 ]; then set -- --random 100; fi
        exec ./{{SdCardContents.ApplicationFolder}}/{{SdCardContents.ApplicationExecutable}} --backend xrt --xclbin {{xclbin}} --package {{SdCardContents.ModelFolder}} "$@"

        """;

    public static string Readme(SdCardContents contents, string modelName)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var xclbin = Path.GetFileName(contents.Xclbin);
        var engine = contents.EngineRecord is null
            ? "(no engine record: the project predates them, so quasar-run cannot check the model against the xclbin; regenerate the project)"
            : $"{Path.GetFileName(contents.EngineRecord),-22} the engine's limits, which quasar-run checks the model against before any image runs";
        return $"""
            Quasar.HwGen SD card: {modelName} on the ZCU102
            ================================================

            Boot the board from this card (SW6 boot mode switches set to SD), log in, then:
                cd /run/media/mmcblk0p1      (or /media/sd-mmcblk0p1, depending on the image)
                ./run.sh                     100 random images; ./run.sh --images <folder> for your own
            quasar-run prints accuracy (with labelled images), images/s, busy time per frame and peak memory.
            Exit codes: 0 ok, 2 usage, 3 bad input, 4 device (XRT, xclbin), 130 interrupted.

            Files
            {xclbin,-22} the FPGA image: the GEMM engine, linked by v++ for the ZCU102 platform
            {engine}
            {SdCardContents.ApplicationFolder + "/",-22} the board application (.NET, self-contained for linux-arm64; quasar-run --help)
            {SdCardContents.ModelFolder + "/",-22} the model: the IR package (manifest.json, graph.json, weights.bin)
            {SdCardContents.XrtIni,-22} XRT settings, read from the working directory
            {SdCardContents.RunScript,-22} runs the model on the FPGA: quasar-run --backend xrt with the files above
            {SdCardContents.Readme,-22} this file

            """;
    }
}
