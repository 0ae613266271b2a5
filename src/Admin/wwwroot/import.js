// Follows an import the worker runs: every second while it goes on, it reads the run's figures from the progress handler
// named by the panel and moves the bar; once the run has ended it reloads the page, which then shows the outcome and the
// report of refused rows (rendered on the server, as everything else in the admin).
(() => {
    const panel = document.querySelector('[data-import-progress]');
    if (!panel || panel.dataset.finished === 'true') return;
    const bar = panel.querySelector('progress');
    const text = document.querySelector('[data-import-state]');
    const describe = figures => figures.state === 'Queued'
        ? 'Waiting for the worker to start the import.'
        : figures.state === 'Applying'
            ? `All ${figures.total} rows passed; saving them.`
            : `Checking rows: ${figures.done} of ${figures.total}.`;
    const timer = window.setInterval(async () => {
        try {
            const response = await fetch(panel.dataset.importProgress, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
            if (!response.ok) return;
            const figures = await response.json();
            if (figures.finished) {
                window.clearInterval(timer);
                window.location.reload();
                return;
            }
            bar.max = Math.max(1, figures.total);
            bar.value = Math.min(figures.done, figures.total);
            bar.textContent = `${figures.done} of ${figures.total}`;
            text.textContent = describe(figures);
        } catch {
            // A missed refresh shows the last figures; the next one tries again.
        }
    }, 1000);
})();
