import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../api/problem';
import { CamundaForm } from './CamundaForm';

const schema = {
  type: 'default',
  components: [
    { type: 'textfield', id: 'name-field', key: 'name', label: 'Name', readonly: true },
    { type: 'textfield', id: 'comment-field', key: 'comment', label: 'Comment', validate: { required: true } },
  ],
};

describe('Camunda form', () => {
  it('submits only the input fields and shows the server\'s field error on that field', async () => {
    const onSubmit = vi.fn().mockRejectedValue(
      new ApiError({ status: 400, title: 'Invalid input', field: 'comment', detail: 'comment: must be at least 10 characters' }),
    );
    render(<CamundaForm schema={schema} data={{ name: 'Andes Cobre' }} onSubmit={onSubmit} />);
    const comment = await screen.findByLabelText(/Comment/);
    expect(screen.getByLabelText(/Name/)).toHaveValue('Andes Cobre');

    await userEvent.click(screen.getByRole('button', { name: 'Complete task' }));
    expect(onSubmit).not.toHaveBeenCalled(); // required, checked in the browser first

    await userEvent.type(comment, 'too short');
    await userEvent.click(screen.getByRole('button', { name: 'Complete task' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ comment: 'too short' }));
    expect(await screen.findByText('must be at least 10 characters')).toBeInTheDocument();
  });

  it('shows a problem that names no field of the form above the button', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError({ status: 409, title: 'Conflict', detail: 'The task is completed.' }));
    render(<CamundaForm schema={schema} data={{ comment: 'Checked the registry.' }} onSubmit={onSubmit} />);
    await screen.findByLabelText(/Comment/);
    await userEvent.click(screen.getByRole('button', { name: 'Complete task' }));
    expect(await screen.findByText('The task is completed.')).toBeInTheDocument();
  });
});
