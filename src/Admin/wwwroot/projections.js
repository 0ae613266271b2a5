// Shows how far a read-model rebuild is without a reload: every 2 s while it runs it reads the figures from the
// progress handler named by the bar, and stops once the rebuild is over. The rebuild runs in the request of the person
// who started it, so this page stays in view (and keeps polling) until that request answers with the next page.
(() => {
    const panel = document.querySelector('[data-rebuild-progress]');
    if (!panel) return;
    const bar = panel.querySelector('progress');
    const text = document.querySelector('[data-rebuild-progress-text]');
    let timer = null;
    // Polling starts on submit, a moment before the server begins: "not rebuilding" ends it only after it was seen running.
    let seenRunning = panel.dataset.rebuilding === 'true';
    const stop = () => {
        window.clearInterval(timer);
        timer = null;
    };
    const refresh = async () => {
        try {
            const response = await fetch(panel.dataset.rebuildProgress, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
            if (!response.ok) return;
            const figures = await response.json();
            if (figures.rebuilding) {
                seenRunning = true;
                bar.max = Math.max(1, figures.newest);
                bar.value = Math.min(figures.applied, figures.newest);
                bar.textContent = `${figures.applied} of ${figures.newest}`;
                text.textContent = `Rebuilding: ${figures.applied} of ${figures.newest} events applied.`;
            } else if (seenRunning) {
                stop();
                bar.max = Math.max(1, figures.newest);
                bar.value = Math.min(figures.applied, figures.newest);
                text.textContent = `Rebuild finished: ${figures.applied} of ${figures.newest} events applied.`;
            }
        } catch {
            // A missed refresh shows the last figures; the next one tries again.
        }
    };
    const start = () => {
        if (timer) return;
        panel.hidden = false;
        timer = window.setInterval(refresh, 2000);
        refresh();
    };
    if (seenRunning) start();
    // After shell.js: a submit it holds back for confirmation is prevented; the confirmed one is not.
    document.addEventListener('submit', event => {
        if (!event.defaultPrevented && event.target instanceof HTMLFormElement && event.target.hasAttribute('data-rebuild-form')) start();
    });
})();
