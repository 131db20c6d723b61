import { useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { FormField } from "../FormField";

/** The files chosen in a FileField, and the words it shows when its form is sent with none (useFileChoice). */
export interface FileChoice {
  /** `missingWords` after a submit with no file chosen, until a file is chosen; null otherwise. */
  missing: string | null;
  inputRef: RefObject<HTMLInputElement | null>;
  choose: (files: File[]) => void;
  /** The form's submit handler: gives the chosen files to `send`, or with none chosen says `missing` instead. */
  onSubmit: (send: (files: [File, ...File[]]) => void) => (event: FormEvent) => void;
  /** Forgets the chosen files and empties the input, e.g. once they are uploaded. */
  clear: () => void;
}

/**
 * The state of a form that uploads the files chosen in its FileField: a submit with no file chosen says
 * `missingWords` below the field (and moves the focus to it with `focusWhenMissing`) instead of sending.
 */
export function useFileChoice(missingWords: string, { focusWhenMissing = false } = {}): FileChoice {
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  return {
    missing,
    inputRef,
    choose: (chosen) => {
      setFiles(chosen);
      setMissing(null);
    },
    onSubmit: (send) => (event) => {
      event.preventDefault();
      const [first, ...rest] = files;
      if (!first) {
        setMissing(missingWords);
        if (focusWhenMissing) inputRef.current?.focus();
        return;
      }
      setMissing(null);
      send([first, ...rest]);
    },
    clear: () => {
      setFiles([]);
      if (inputRef.current) inputRef.current.value = "";
    },
  };
}

/**
 * A labelled file input (one file, or several when `multiple`) bound to a useFileChoice. Below it: the
 * choice's missing-file words, else `error` (e.g. the server's refusal of the file). `onChoose` runs on every
 * new choice, e.g. to clear the last upload's failure. `refusals` is the id of an element elsewhere that lists
 * files the server refused: while given, the input is marked invalid and described by it.
 */
export function FileField({
  choice,
  label,
  hint,
  accept,
  multiple,
  error,
  onChoose,
  refusals,
}: {
  choice: FileChoice;
  label: string;
  hint?: ReactNode;
  accept: string;
  multiple?: boolean;
  error?: string | null;
  onChoose?: () => void;
  refusals?: string;
}) {
  const id = useId();
  return (
    <FormField id={id} label={label} hint={hint} error={choice.missing ?? error}>
      {(control) => (
        <input
          {...control}
          aria-invalid={control["aria-invalid"] ?? (refusals ? true : undefined)}
          aria-describedby={[control["aria-describedby"], refusals].filter(Boolean).join(" ") || undefined}
          ref={choice.inputRef}
          type="file"
          accept={accept}
          multiple={multiple}
          onChange={(e) => {
            choice.choose([...(e.target.files ?? [])]);
            onChoose?.();
          }}
        />
      )}
    </FormField>
  );
}
