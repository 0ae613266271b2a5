// The admin shell's behaviour; every page loads it (deferred, under the content security policy: no inline script).
(() => {
    // The navigation is open in the markup, so it works without script; on a narrow screen it folds behind "Menu".
    for (const menu of document.querySelectorAll('details[data-fold-below]')) {
        if (window.matchMedia(`(max-width: ${menu.dataset.foldBelow})`).matches) menu.open = false;
    }

    // A form marked data-confirm="question" posts only after the person confirms in the shell's <dialog>; the confirming
    // button reads data-confirm-button (default "Confirm"). Without script the form posts as it is.
    const dialog = document.getElementById('confirm-dialog');
    if (!dialog) return;
    const text = dialog.querySelector('#confirm-dialog-text');
    const yes = dialog.querySelector('button[value="confirm"]');
    let pending = null;
    document.addEventListener('submit', event => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
        if (form.dataset.confirmed === 'yes') {
            delete form.dataset.confirmed;
            return;
        }
        event.preventDefault();
        pending = { form, submitter: event.submitter };
        text.textContent = form.dataset.confirm;
        yes.textContent = form.dataset.confirmButton || 'Confirm';
        dialog.returnValue = '';
        dialog.showModal();
    });
    dialog.addEventListener('close', () => {
        const confirmed = dialog.returnValue === 'confirm' && pending;
        const { form, submitter } = pending || {};
        pending = null;
        if (!confirmed) return;
        form.dataset.confirmed = 'yes';
        form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    });
})();
