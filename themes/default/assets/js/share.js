// Share block: Web Share API, copy link, print poster. Progressive
// enhancement only: without JavaScript the plain links still work.
(() => {
  "use strict";
  for (const box of document.querySelectorAll(".share")) {
    const url = box.dataset.url, title = box.dataset.title;
    const status = box.querySelector(".copy-status");
    const shareBtn = box.querySelector("[data-share]");
    if (shareBtn && navigator.share) {
      shareBtn.hidden = false;
      shareBtn.addEventListener("click", () => {
        navigator.share({ title, url }).catch(() => {});
      });
    }
    const copyBtn = box.querySelector("[data-copy]");
    if (copyBtn) {
      copyBtn.hidden = false;
      copyBtn.addEventListener("click", async () => {
        let ok = false;
        try {
          await navigator.clipboard.writeText(url);
          ok = true;
        } catch (e) {
          const input = box.querySelector("#share-link");
          if (input) {
            input.select();
            try { ok = document.execCommand("copy"); } catch (e2) { ok = false; }
          }
        }
        status.textContent = ok ? "Đã sao chép liên kết" : "Không sao chép được; hãy chọn liên kết bên dưới và sao chép";
        copyBtn.classList.toggle("done", ok);
      });
    }
  }
  const printBtn = document.getElementById("print-btn");
  if (printBtn) {
    printBtn.hidden = false;
    printBtn.addEventListener("click", () => window.print());
  }
})();
