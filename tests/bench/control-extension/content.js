// A button in the page that asks the worker for one request, as the overlay's Export does.
const button = document.createElement('button');
button.id = 'bench-control';
button.textContent = 'Control request';
button.addEventListener('click', () => {
  chrome.runtime.sendMessage({ type: 'control.fetch' }).then(
    (answer) => {
      button.dataset.answer = JSON.stringify(answer);
    },
    (error) => {
      button.dataset.answer = String(error);
    },
  );
});
document.documentElement.append(button);
