import { useState } from "react";
import { useAuth } from "../../auth/AuthContext";
import { useMutation } from "../../api/useMutation";
import { useResource } from "../../api/useResource";
import { t } from "../../i18n/catalogue";
import type { IncidentType } from "../incidents/types";
import { callBody, checkCall, EMPTY_CALL, statsLine, type CallForm as Form, type CallFormErrors, type CallTaken } from "./call";
import { CallForm } from "./CallForm";
import { CallerHistory } from "./CallerHistory";
import { CallResult } from "./CallResult";
import { useCallerHistory } from "./useCallerHistory";
import "./helpline.css";

/**
 * /helpline (calls.take): take a call — the caller's earlier calls appear as the number is typed — give it
 * an outcome (open an incident, join one as a duplicate, or not an incident), now or once known.
 */
export default function HelplinePage() {
  const { client } = useAuth();
  const [form, setForm] = useState<Form>(EMPTY_CALL);
  const [errors, setErrors] = useState<CallFormErrors>({});
  const [taken, setTaken] = useState<CallTaken | null>(null);
  const [recorded, setRecorded] = useState(0);
  const types = useResource((signal) => client.GET("/api/v1/incident-types", { signal }), [client]).resource.data ?? [];
  const stats = useResource((signal) => client.GET("/api/v1/calls/stats", { signal }), [client, recorded]).resource.data;
  const history = useCallerHistory(taken ? taken.call.caller_number : form.number, recorded);
  const record = useMutation(() => client.POST("/api/v1/calls", { body: callBody(form) }), {
    onSuccess: (result) => {
      setTaken(result);
      setRecorded((n) => n + 1);
      setForm(EMPTY_CALL);
    },
  });
  const submit = () => {
    const found = checkCall(form);
    setErrors(found);
    if (Object.keys(found).length === 0) void record.run();
  };
  const changed = (result: CallTaken) => {
    setTaken(result);
    setRecorded((n) => n + 1);
  };

  return (
    <div className="helpline">
      <div className="page-head">
        <h1>{t("helpline.title")}</h1>
        {stats ? <p className="muted">{statsLine(stats)}</p> : null}
      </div>
      <div className="helpline-columns">
        <CallForm
          form={form}
          errors={errors}
          types={types as IncidentType[]}
          busy={record.busy}
          error={record.error}
          onChange={(next) => {
            setForm(next);
            if (taken && next.number) setTaken(null);
          }}
          onSubmit={submit}
        />
        <div className="helpline-side">
          {taken ? <CallResult taken={taken} types={types as IncidentType[]} onChanged={changed} /> : null}
          <CallerHistory calls={history.calls} error={history.error} />
        </div>
      </div>
    </div>
  );
}
