using Quasar.HwGen.Training.Tests.Support;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Tests.Trainer;

/// <summary>Distillation from a teacher checkpoint, and the distillation loss itself.</summary>
[TestFixture]
public sealed class TeacherDistillationTests
{
    [Test]
    public void A_student_trains_against_the_largest_subnet_of_a_teacher_checkpoint()
    {
        using var folder = new TempDirectory();
        var teacherRun = new TrainingOptions { Threads = 1, Epochs = 1, BatchSize = 64, TrainLimit = 256, LearningRate = 4e-2, CheckpointDirectory = folder.Path };
        var teacher = new SupernetTrainer(TinySpace.Spec, teacherRun).Train(TinySpace.ShippedTrain, null);
        teacher.Supernet.Dispose();

        var studentRun = new TrainingOptions
        {
            Threads = 1,
            Epochs = 1, BatchSize = 64, TrainLimit = 256, LearningRate = 4e-2, Seed = 3,
            Distillation = DistillationMode.Teacher, TeacherCheckpoint = teacher.LastCheckpoint,
        };
        var student = new SupernetTrainer(TinySpace.Spec, studentRun).Train(TinySpace.ShippedTrain, null);
        using var supernet = student.Supernet;
        Assert.That(student.Completed, Is.True);
        Assert.That(student.StepLosses, Is.All.Matches<double>(double.IsFinite));
    }

    [Test]
    public void The_distillation_loss_is_zero_for_equal_logits_and_the_scaled_KL_otherwise()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(new float[,] { { 1, 2, 3 }, { 0, 0, 1 } });
        Assert.That(SupernetTrainer.DistillationLoss(logits, logits, 2.0).item<float>(), Is.EqualTo(0f).Within(1e-6f));

        var student = tensor(new float[,] { { 0, 0, 0 } });
        var teacher = tensor(new float[,] { { 0, 0, 2 } });
        // T = 2: p = softmax([0, 0, 1]), q uniform; T²·KL(p‖q) = 4·Σ p·(log p − log ⅓).
        var p = new[] { 1.0, 1.0, Math.E };
        double sum = p.Sum();
        double kl = p.Sum(v => v / sum * (Math.Log(v / sum) - Math.Log(1.0 / 3)));
        Assert.That(SupernetTrainer.DistillationLoss(student, teacher, 2.0).item<float>(), Is.EqualTo(4 * kl).Within(1e-5));
    }
}
