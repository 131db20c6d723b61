import { useEffect, useState, type DragEvent } from "react";
import { controlProps, FieldError, FieldHint } from "../../components/FormField";
import { t } from "../../i18n/catalogue";

/** Pick a photo with the file input (keyboard) or drop it on the area; shows a preview of the chosen photo. */
export function PhotoDrop({
  id,
  file,
  error,
  onFile,
}: {
  id: string;
  file: File | null;
  error?: string;
  onFile: (file: File | null) => void;
}) {
  const [dragging, setDragging] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };

  return (
    <div className="field photo-field">
      <label htmlFor={id}>{t("search.photoOfTheFace")}</label>
      <div
        className={dragging ? "drop-zone drop-zone-active" : "drop-zone"}
        data-testid="photo-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <input
          type="file"
          accept="image/*"
          onChange={(event) => onFile(event.target.files?.[0] ?? null)}
          {...controlProps(id, true, error)}
        />
        <FieldHint id={`${id}-hint`}>
          {t("search.orDropAnImage")}
        </FieldHint>
        {file ? (
          <div className="photo-chosen">
            {preview ? <img src={preview} alt={t("search.chosenPhoto", { name: file.name })} className="photo-preview" /> : null}
            <span>{file.name}</span>
          </div>
        ) : null}
      </div>
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}
