// Keeps the navigation's exception counts fresh without a reload: every 30 s it reads the counts endpoint named by the link.
(() => {
    const link = document.querySelector('[data-exception-counts]');
    if (!link) return;
    const open = link.querySelector('[data-testid="nav-open-count"]');
    const overdue = link.querySelector('[data-testid="nav-overdue-count"]');
    const refresh = async () => {
        try {
            const response = await fetch(link.dataset.exceptionCounts, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
            if (!response.ok) return;
            const counts = await response.json();
            open.textContent = counts.open;
            overdue.textContent = counts.overdue;
        } catch {
            // A missed refresh shows the last counts; the next one tries again.
        }
    };
    window.setInterval(refresh, 30000);
})();
