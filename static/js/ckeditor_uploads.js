// CKEditor shows its own generic text ("HTTP error ... 400", not in Persian) when an upload is refused.
// Our upload view (articles/body_images.py) says why, in Persian, in its JSON answer: show that instead.
(function () {
  "use strict";
  function explainRefusals(editor) {
    if (!editor.uploadRepository) { return; }
    editor.uploadRepository.on("instanceCreated", function (event) {
      var loader = event.data;
      // Priority 1: before the upload widget's own listener shows loader.message.
      loader.on("error", function () {
        try {
          var answer = JSON.parse(loader.xhr.responseText);
          if (answer && answer.error && answer.error.message) { loader.message = answer.error.message; }
        } catch (ignored) { /* not our JSON: keep CKEditor's text */ }
      }, null, null, 1);
    });
  }
  function start() {
    if (!window.CKEDITOR) { return; }
    Object.keys(CKEDITOR.instances).forEach(function (name) {
      var editor = CKEDITOR.instances[name];
      if (editor.status === "ready") { explainRefusals(editor); }
    });
    CKEDITOR.on("instanceReady", function (event) { explainRefusals(event.editor); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
