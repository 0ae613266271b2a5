using EcomErp.Domain.Policies;

namespace EcomErp.Application.Policies;

/// <summary>Loads and adds policy changes. Changes are saved by the unit of work, with the approval case they raise, in one transaction.</summary>
public interface IPolicyRepository
{
    /// <summary>Every change of <paramref name="key"/> in every scope, or of every key when null: a policy's whole history is small.</summary>
    Task<IReadOnlyList<PolicyChange>> ListAsync(string? key, CancellationToken cancellationToken);

    Task<PolicyChange?> GetAsync(Guid id, CancellationToken cancellationToken);

    void Add(PolicyChange change);
}
