;;; e2e.el --- liaison through Eglot, end to end, in batch mode  -*- lexical-binding: t; -*-

;; Run by e2e_test.go as
;;   emacs --batch -l e2e.el
;; (batch mode reads no init file, but the site start files, so that
;; Debian's elpa-eglot is on the load path as it is for a user)
;; with LIAISON_BIN (the server), LIAISON_FILE (a Markdown file with one
;; problem) and LIAISON_RESULT (where to write what happened, as JSON).
;; Opens the file, starts Eglot with liaison-eglot's configuration, waits
;; for the Flymake diagnostic, asks for hover, applies the preferred quick
;; fix from eglot-code-actions, saves, and waits for the diagnostic to go.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'flymake)
;; Eglot is Debian's elpa-eglot (activated by the site start files) or,
;; failing that, one that package.el installed.
(unless (locate-library "eglot")
  (require 'package)
  (package-initialize))
(require 'eglot)
(load (expand-file-name "../liaison-eglot.el" (file-name-directory load-file-name)) nil t)

(defvar e2e-result (list :ok :json-false :steps nil)
  "What happened, written to LIAISON_RESULT as JSON.")

(defun e2e-step (name)
  "Record that step NAME is reached."
  (setq e2e-result (plist-put e2e-result :steps (append (plist-get e2e-result :steps) (list name))))
  (message "e2e: %s" name))

(defun e2e-write ()
  "Write the result for the Go test."
  (let ((json-encoding-pretty-print t)
        (r (copy-sequence e2e-result)))
    (setq r (plist-put r :steps (vconcat (plist-get r :steps))))
    (with-temp-file (getenv "LIAISON_RESULT")
      (insert (json-encode r)))))

(defun e2e-wait (what pred &optional seconds)
  "Wait up to SECONDS (default 20) for PRED to return non-nil, else fail with WHAT."
  (let ((deadline (+ (float-time) (or seconds 20)))
        value)
    (while (and (not (setq value (funcall pred)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or value (error "Timed out waiting for %s" what))))

(defun e2e-liaison-diagnostics ()
  "Flymake diagnostics in the current buffer that come from liaison."
  (flymake-diagnostics (point-min) (point-max)))

(defun e2e-run ()
  "The test."
  ;; Users have markdown-mode from MELPA or elpa-markdown-mode; the test
  ;; needs only a mode of that name for Eglot to map.
  (unless (fboundp 'markdown-mode)
    (define-derived-mode markdown-mode text-mode "Markdown"))
  (add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))
  (setq liaison-eglot-program (getenv "LIAISON_BIN")
        liaison-eglot-log-level "debug"
        liaison-eglot-settings '(:debounceMs 0)
        eglot-sync-connect t
        eglot-autoshutdown nil
        flymake-no-changes-timeout nil)
  (setq-default eglot-workspace-configuration
                '(:liaison (:debounceMs 0 :rules (:liaison-verb "error"))))
  (liaison-eglot-setup)
  (e2e-step "setup")

  (find-file (getenv "LIAISON_FILE"))
  (unless (eq major-mode 'markdown-mode)
    (error "The file opened in %s, not markdown-mode" major-mode))
  (apply #'eglot (eglot--guess-contact))
  (let ((server (e2e-wait "Eglot to connect" #'eglot-current-server)))
    (e2e-step "connected")
    (setq e2e-result (plist-put e2e-result :language_id (eglot--language-id server)))

    (let* ((first (car (e2e-wait "a Flymake diagnostic"
                                 (lambda ()
                                   (flymake-start)
                                   (e2e-liaison-diagnostics)))))
           ;; The first report may come before the server has asked for
           ;; the workspace configuration (it asks after initialized), so
           ;; wait for the error that configuration sets; failing that,
           ;; report the first, and the Go test names its type.
           (diag (or (ignore-errors
                       (car (e2e-wait "an error diagnostic"
                                      (lambda ()
                                        (flymake-start)
                                        (cl-remove-if-not
                                         (lambda (d) (eq (flymake-diagnostic-type d) 'eglot-error))
                                         (e2e-liaison-diagnostics)))
                                      10)))
                     first))
           (beg (flymake-diagnostic-beg diag))
           (end (flymake-diagnostic-end diag)))
      (e2e-step "diagnostic")
      (setq e2e-result
            (plist-put e2e-result :diagnostic
                       (list :text (flymake-diagnostic-text diag)
                             :type (symbol-name (flymake-diagnostic-type diag))
                             :line (line-number-at-pos beg)
                             :column (save-excursion (goto-char beg) (current-column))
                             :matched (buffer-substring-no-properties beg end))))

      ;; Hover, as eldoc asks for it.
      (goto-char (+ beg 2))
      (let* ((hover (jsonrpc-request server :textDocument/hover
                                     (eglot--TextDocumentPositionParams)))
             (contents (plist-get hover :contents)))
        (setq e2e-result (plist-put e2e-result :hover
                                    (if (stringp contents) contents
                                      (or (plist-get contents :value) "")))))
      (e2e-step "hover")

      ;; The quick fix, through Eglot's code actions.
      (let* ((actions (eglot-code-actions beg end "quickfix"))
             (preferred (or (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)
                            (error "No preferred quick fix among %S"
                                   (mapcar (lambda (a) (plist-get a :title)) actions)))))
        (setq e2e-result
              (plist-put e2e-result :actions
                         (vconcat (mapcar (lambda (a) (plist-get a :title)) actions))))
        (setq e2e-result (plist-put e2e-result :applied (plist-get preferred :title)))
        (eglot--apply-workspace-edit (plist-get preferred :edit))))
    (e2e-step "applied")
    (save-buffer)
    (e2e-step "saved")

    (e2e-wait "the diagnostic to clear"
              (lambda ()
                (flymake-start)
                (null (e2e-liaison-diagnostics))))
    (setq e2e-result (plist-put e2e-result :cleared t))
    (e2e-step "cleared")
    (eglot-shutdown server)
    (e2e-step "shutdown")))

(condition-case err
    (progn
      (e2e-run)
      (setq e2e-result (plist-put e2e-result :ok t))
      (e2e-write)
      (kill-emacs 0))
  (error
   (setq e2e-result (plist-put e2e-result :error (error-message-string err)))
   (e2e-write)
   (message "e2e: failed: %s" (error-message-string err))
   (kill-emacs 1)))

;;; e2e.el ends here
