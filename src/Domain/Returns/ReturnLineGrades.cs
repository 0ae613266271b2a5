namespace EcomErp.Domain.Returns;

/// <summary>The grade of each unit of one line an inspection looked at.</summary>
public sealed record ReturnLineGrades(int OrderLineNumber, IReadOnlyList<InspectionGrade> Grades);
